using Microsoft.Extensions.DependencyInjection;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Jobs.Tourism;

namespace Microsoft.Extensions.Hosting;

public static class TourismHostingExtensions
{
    /// <summary>The KTO catalog jobs: tourism-full and tourism-incremental (<c>Collection:Tourism</c> settings).</summary>
    public static TBuilder AddTourismJobs<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<TourismOptions>().BindConfiguration(TourismOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IJob, TourismFullSync>();
        builder.Services.AddSingleton<IJob, TourismIncrementalSync>();
        return builder;
    }
}
