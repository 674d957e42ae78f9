using Microsoft.Extensions.DependencyInjection;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Jobs.Recommendations;

namespace Microsoft.Extensions.Hosting;

public static class RecommendationsHostingExtensions
{
    /// <summary>The recommendations job: weather-fit scores from the stored forecasts (<c>Recommendations</c> settings).</summary>
    public static TBuilder AddRecommendationJobs<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<RecommendationOptions>().BindConfiguration(RecommendationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IJob, RecommendationsJob>();
        return builder;
    }
}
