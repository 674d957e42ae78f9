using Microsoft.Extensions.DependencyInjection;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Jobs.Collection.Paging;
using WeatherFlick.Jobs.Collection.Runs;

namespace Microsoft.Extensions.Hosting;

public static class JobCatalogHostingExtensions
{
    /// <summary>The job catalog and the run machinery every job uses (run store, partition pager, partitioned runs).</summary>
    public static TBuilder AddJobCatalog<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSingleton<RunStore>();
        builder.Services.AddSingleton<PartitionPager>();
        builder.Services.AddSingleton<PartitionedRun>();
        builder.Services.AddSingleton<JobCatalog>();
        return builder;
    }
}
