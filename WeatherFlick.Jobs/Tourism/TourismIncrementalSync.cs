using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Jobs.Collection.Gateway;
using WeatherFlick.Jobs.Collection.Kto;
using WeatherFlick.Jobs.Collection.Paging;

namespace WeatherFlick.Jobs.Tourism;

/// <summary>
/// What changed in the KTO catalog since the last sync, per content type: new and modified content (newest first,
/// down to the watermark) and withdrawn content (the sync list's showflag 0).
/// </summary>
public sealed class TourismIncrementalSync(NpgsqlDataSource dataSource, [FromKeyedServices("kto")] UpstreamGateway kto, PartitionedRun run, IOptions<TourismOptions> options) : IJob
{
    public string Name => "tourism-incremental";

    public string Description => "Incremental KTO sync: new and modified content since the watermark, and withdrawn content";

    public Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var partitions = KtoCodes.ContentTypes
            .SelectMany(type => new PagedPartition[]
            {
                new ChangedContentPartition(dataSource, kto, o, type),
                new DeletedContentPartition(dataSource, kto, o, type),
            })
            .ToList();
        return run.RunAsync(Name, context, partitions, o.Parallelism, cancellationToken);
    }
}
