using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Jobs.Collection.Runs;

namespace WeatherFlick.Jobs.Alerts;

/// <summary>
/// Jobs whose latest run failed, stopped because the day's quota was spent before it finished, or was left running by
/// a process that died (recorded as running, but no job server holds the job's lock). Only the latest run counts: a
/// failure that a later run repaired is not worth waking anyone for, and one that persists is repeated once per window
/// until a run succeeds.
/// </summary>
public sealed class RunAlertCheck(NpgsqlDataSource dataSource, TimeProvider time, IOptions<AlertOptions> options) : IAlertCheck
{
    public string Name => "runs";

    public async Task<IReadOnlyList<Alert>> CheckAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT id, job, status, error, coalesce(finished_at, started_at), resume_at, partitions_done, partitions_total
            FROM (SELECT DISTINCT ON (job) * FROM collection_runs WHERE started_at >= $1 ORDER BY job, id DESC) latest
            WHERE status IN ('failed', 'waiting_for_quota')
               OR (status = 'running' AND NOT {JobCatalog.RunningSql("latest.job")})
            ORDER BY job
            """);
        command.Parameters.Add(new() { Value = time.GetUtcNow() - options.Value.RunLookback, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        var alerts = new List<Alert>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetInt64(0);
            var job = reader.GetString(1);
            var error = reader.IsDBNull(3) ? "no error recorded" : reader.GetString(3);
            var at = Alert.Kst(reader.GetFieldValue<DateTimeOffset>(4));
            var status = reader.GetString(2);
            if (status == RunStatus.Running)
            {
                alerts.Add(new Alert($"run-orphaned:{job}", $"Job {job} was left running",
                    $"Run {id} of {job} is recorded as running since {at}, but no job server is running it: the process that ran it stopped "
                    + $"({reader.GetInt32(6)} of {reader.GetInt32(7)} partitions done). The next start of {job} resumes it."));
            }
            else if (status == RunStatus.Failed)
            {
                alerts.Add(new Alert($"run-failed:{job}", $"Job {job} failed",
                    $"Run {id} of {job} failed ({at}): {error}. It is the job's latest run; this alert repeats once per window until a run succeeds."));
            }
            else
            {
                var resume = reader.IsDBNull(5) ? "after the next quota reset (00:00 KST)" : $"at {Alert.Kst(reader.GetFieldValue<DateTimeOffset>(5))}";
                alerts.Add(new Alert($"quota-spent:{job}", $"Job {job} ran out of quota",
                    $"Run {id} of {job} spent the daily quota before it finished ({reader.GetInt32(6)} of {reader.GetInt32(7)} partitions done, {at}); it can resume {resume}."));
            }
        }
        return alerts;
    }
}
