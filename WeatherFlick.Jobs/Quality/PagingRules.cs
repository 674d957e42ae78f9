using Npgsql;
using WeatherFlick.Data.Quality;

namespace WeatherFlick.Jobs.Quality;

/// <summary>
/// Paging-invariant violations the collectors recorded (a totalCount that moved, a repeated page, a short page before
/// the last): each may have lost rows without any error. Counted per partition of the recent runs that paged.
/// </summary>
internal static class PagingRules
{
    public const string PagingViolation = "paging_violation";

    public static readonly IReadOnlyList<string> Rules = [PagingViolation];

    public static async Task<QualityReport> CheckAsync(NpgsqlDataSource dataSource, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT count(*),
                   count(*) FILTER (WHERE cardinality(p.violations) = 0),
                   count(*) FILTER (WHERE cardinality(p.violations) > 0),
                   -- Violations start with their partition's key; the run id makes the example findable.
                   (array_agg('run ' || p.run_id || ' ' || p.violations[1] ORDER BY p.run_id DESC, p.partition_key)
                       FILTER (WHERE cardinality(p.violations) > 0))[1:$2]
            FROM run_partitions p JOIN collection_runs r ON r.id = p.run_id
            WHERE r.started_at >= $1 AND p.status <> 'pending'
            """);
        command.Parameters.Add(new() { Value = since });
        command.Parameters.Add(new() { Value = FindingsReader.Examples });
        return await FindingsReader.ReadAsync(command, QualityTables.RunPartitions, Rules, cancellationToken).ConfigureAwait(false);
    }
}
