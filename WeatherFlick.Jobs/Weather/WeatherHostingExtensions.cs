using Microsoft.Extensions.DependencyInjection;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Jobs.Weather;

namespace Microsoft.Extensions.Hosting;

public static class WeatherHostingExtensions
{
    /// <summary>The KMA jobs: weather-forecast and weather-nowcast (<c>Collection:Weather</c> settings, <c>Providers:Kma</c> gateway).</summary>
    public static TBuilder AddWeatherJobs<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<WeatherOptions>().BindConfiguration(WeatherOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<WeatherCollector>();
        builder.Services.AddSingleton<IJob, WeatherForecastJob>();
        builder.Services.AddSingleton<IJob, WeatherNowcastJob>();
        return builder;
    }
}
