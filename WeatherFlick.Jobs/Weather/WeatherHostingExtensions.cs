using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WeatherFlick.Data.Weather;
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
        builder.Services.AddSingleton<IJob>(services => new WeatherJob<ForecastRow>(
            "weather-forecast",
            "KMA short-term forecast (getVilageFcst) at the latest published issue for every destination grid cell; before 02:10 KST that is yesterday's 23:00",
            KmaProducts.VillageForecast, services.GetRequiredService<WeatherCollector>(), services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<IOptions<WeatherOptions>>()));
        builder.Services.AddSingleton<IJob>(services => new WeatherJob<NowcastRow>(
            "weather-nowcast",
            "KMA hourly now-cast (getUltraSrtNcst, HH00 published at HH:10 KST) for every destination grid cell",
            KmaProducts.Nowcast, services.GetRequiredService<WeatherCollector>(), services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<IOptions<WeatherOptions>>()));
        return builder;
    }
}
