using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Jobs.Collection.Gateway;
using WeatherFlick.Jobs.Collection.Kto;
using WeatherFlick.Jobs.Collection.Paging;

namespace WeatherFlick.Jobs.Tourism;

/// <summary>The whole KTO catalog: 17 areas × 8 content types, every page; rows gone upstream are marked removed.</summary>
public sealed class TourismFullSync([FromKeyedServices("kto")] UpstreamGateway kto, PartitionedRun run, IOptions<TourismOptions> options) : IJob
{
    /// <summary>The job's name, which its runs are recorded under.</summary>
    public const string JobName = "tourism-full";

    public string Name => JobName;

    public string Description => "Full KTO catalog sync (17 areas × 8 content types), marking rows that left the catalog as removed";

    public Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var partitions = KtoCodes.Areas
            .SelectMany(area => KtoCodes.ContentTypes.Select(type => (PagedPartition)new CatalogPartition(kto, o, area, type)))
            .ToList();
        return run.RunAsync(Name, context, partitions, o.Parallelism, cancellationToken);
    }
}
