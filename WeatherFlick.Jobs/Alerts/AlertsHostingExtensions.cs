using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WeatherFlick.Jobs.Alerts;
using WeatherFlick.Jobs.Catalog;

namespace Microsoft.Extensions.Hosting;

public static class AlertsHostingExtensions
{
    /// <summary>
    /// Alerts (<c>Alerts</c> settings): the log sink always, the Slack-compatible webhook sink when
    /// <c>Alerts:WebhookUrl</c> is set, deduplication in PostgreSQL, the run and key checks, and the <c>alerts</c> job.
    /// Other features add their own <see cref="IAlertCheck"/>s.
    /// </summary>
    public static TBuilder AddAlerts<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        // The standard resilience pipeline comes from the service defaults; request logging would write the secret URL.
        builder.Services.AddHttpClient(WebhookAlertSink.HttpClientName).RemoveAllLoggers();
        builder.Services.AddSingleton<AlertRedactor>();
        builder.Services.AddSingleton<IAlertSink, LogAlertSink>();
        builder.Services.AddSingleton<IAlertSink, WebhookAlertSink>();
        builder.Services.AddSingleton<AlertPublisher>();
        builder.Services.AddSingleton<IAlertCheck, RunAlertCheck>();
        builder.Services.AddSingleton<IAlertCheck, DisabledKeyCheck>();
        builder.Services.AddSingleton<IJob, AlertsJob>();
        return builder;
    }
}
