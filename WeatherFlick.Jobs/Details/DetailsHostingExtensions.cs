using Microsoft.Extensions.DependencyInjection;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Jobs.Details;

namespace Microsoft.Extensions.Hosting;

public static class DetailsHostingExtensions
{
    /// <summary>The detail enrichment job, details (<c>Collection:Details</c> settings).</summary>
    public static TBuilder AddDetailJobs<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<DetailsOptions>().BindConfiguration(DetailsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DetailBacklog>();
        builder.Services.AddSingleton<DetailFetcher>();
        builder.Services.AddSingleton<IJob, DetailEnrichment>();
        return builder;
    }
}
