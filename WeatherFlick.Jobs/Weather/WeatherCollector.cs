using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using WeatherFlick.Data.Weather;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Jobs.Collection.Gateway;
using WeatherFlick.Jobs.Collection.Paging;

namespace WeatherFlick.Jobs.Weather;

/// <summary>
/// Collects one KMA product for every grid cell that has a live destination, one partition per cell
/// (<c>grid=60,127</c>), as one resumable run.
/// </summary>
public sealed class WeatherCollector(NpgsqlDataSource dataSource, [FromKeyedServices("kma")] UpstreamGateway kma, PartitionedRun run, ILogger<WeatherCollector> logger)
{
    public async Task<JobResult> RunAsync<TRow>(string job, KmaProduct<TRow> product, DateTimeOffset issue, int parallelism, JobContext context, CancellationToken cancellationToken)
    {
        var cells = await WeatherTables.LiveGridCellsAsync(dataSource, cancellationToken).ConfigureAwait(false);
        WeatherLog.Collecting(logger, product.Operation, cells.Count, issue);
        var partitions = cells.Select(cell => new GridPartition<TRow>(kma, product, cell, issue, logger)).ToList();
        return await run.RunAsync(job, context, partitions, parallelism, cancellationToken,
            afterAll: (_, _) => Task.FromResult<IReadOnlyDictionary<string, long>>(new Dictionary<string, long>
            {
                ["grid_cells"] = cells.Count,
                ["fell_back"] = partitions.Count(p => p.FellBack),
            })).ConfigureAwait(false);
    }
}
