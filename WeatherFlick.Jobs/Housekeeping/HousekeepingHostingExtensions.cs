using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Jobs.Collection.Runs;
using WeatherFlick.Jobs.Housekeeping;

namespace Microsoft.Extensions.Hosting;

public static class HousekeepingHostingExtensions
{
    /// <summary>
    /// The <c>raw-expiry</c> and <c>weather-expiry</c> jobs (<c>Housekeeping:RawExpiry</c>, <c>Housekeeping:WeatherExpiry</c>).
    /// Needs <c>AddCollection()</c> for the raw archive.
    /// </summary>
    public static TBuilder AddHousekeepingJobs<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<RawExpiryOptions>().BindConfiguration(RawExpiryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<WeatherExpiryOptions>().BindConfiguration(WeatherExpiryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<TrackedRun>();
        builder.Services.AddSingleton<IJob, RawExpiryJob>();
        builder.Services.AddSingleton<IJob, WeatherExpiryJob>();
        return builder;
    }
}
