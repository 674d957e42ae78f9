using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WeatherFlick.Data.Quality;
using WeatherFlick.Jobs.Alerts;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Jobs.Collection.Runs;
using WeatherFlick.Jobs.Quality;

namespace Microsoft.Extensions.Hosting;

public static class QualityHostingExtensions
{
    /// <summary>The <c>quality</c> job and its alert check (<c>Quality</c> settings). Needs <c>AddAlerts()</c>.</summary>
    public static TBuilder AddQualityJobs<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<QualityOptions>().BindConfiguration(QualityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<TrackedRun>();
        builder.Services.TryAddSingleton<QualityReportStore>();
        builder.Services.AddSingleton<QualityAlertCheck>();
        builder.Services.AddSingleton<IAlertCheck>(services => services.GetRequiredService<QualityAlertCheck>());
        builder.Services.AddSingleton<IJob, QualityJob>();
        return builder;
    }
}
