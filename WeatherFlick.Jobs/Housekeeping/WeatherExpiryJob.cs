using Microsoft.Extensions.Options;
using Npgsql;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Jobs.Collection.Runs;

namespace WeatherFlick.Jobs.Housekeeping;

/// <summary>
/// Keeps the weather tables bounded: forecast hours and observations past the retention, and forecasts superseded by a
/// newer issue of the same grid and hour, are deleted in short batches that skip rows a collector is writing. The
/// newest issue of every hour is always kept, so recommendations and the quality rules never lose their input.
/// </summary>
/// <remarks>
/// Forecasts are walked once along their primary key (keyset batches), so a run costs one pass over the table however
/// many old rows it keeps: a filter-and-limit query would rescan the kept rows for every batch.
/// </remarks>
public sealed class WeatherExpiryJob(NpgsqlDataSource dataSource, TrackedRun run, TimeProvider time, IOptions<WeatherExpiryOptions> options) : IJob
{
    private const string ForecastBatch = """
        WITH scanned AS (
            SELECT grid_nx, grid_ny, base_at, forecast_at, ctid AS row_id FROM forecasts
            {0}
            ORDER BY grid_nx, grid_ny, base_at, forecast_at
            LIMIT $1
        ), doomed AS (
            SELECT f.ctid AS row_id, f.forecast_at < $2 AS past FROM forecasts f
            WHERE f.ctid = ANY(ARRAY(
                SELECT s.row_id FROM scanned s
                WHERE s.forecast_at < $2
                   OR (s.base_at < $3 AND EXISTS (
                          SELECT 1 FROM forecasts n
                          WHERE n.grid_nx = s.grid_nx AND n.grid_ny = s.grid_ny AND n.forecast_at = s.forecast_at AND n.base_at > s.base_at))))
            FOR UPDATE SKIP LOCKED
        ), deleted AS (
            DELETE FROM forecasts f USING doomed d WHERE f.ctid = d.row_id RETURNING d.past
        )
        SELECT (SELECT count(*) FROM scanned),
               (SELECT count(*) FILTER (WHERE past) FROM deleted),
               (SELECT count(*) FILTER (WHERE NOT past) FROM deleted),
               last.grid_nx, last.grid_ny, last.base_at, last.forecast_at
        FROM (SELECT * FROM scanned ORDER BY grid_nx DESC, grid_ny DESC, base_at DESC, forecast_at DESC LIMIT 1) AS last
        """;

    private const string AfterCursor = "WHERE (grid_nx, grid_ny, base_at, forecast_at) > ($4, $5, $6, $7)";

    private const string NowcastBatch = """
        DELETE FROM nowcasts WHERE ctid = ANY(ARRAY(
            SELECT ctid FROM nowcasts WHERE observed_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED))
        """;

    public string Name => "weather-expiry";

    public string Description => "Deletes forecasts and now-casts past their retention, and superseded forecast issues, in short batches";

    public Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken) =>
        run.RunAsync(Name, context, async (_, token) =>
        {
            var settings = options.Value;
            var now = time.GetUtcNow();
            var pastBefore = now.AddDays(-settings.KeepDays);
            var supersededBefore = now.AddHours(-settings.SupersededAfterHours);
            using var activity = HousekeepingTelemetry.Source.StartActivity("weather-expiry");
            var counts = new Dictionary<string, long>
            {
                ["forecasts_scanned"] = 0, ["forecasts_past"] = 0, ["forecasts_superseded"] = 0, ["nowcasts_past"] = 0, ["batches"] = 0,
            };
            void Report(int step, string? current) => context.Progress.Report(new JobProgress(Name, step, 2, counts["batches"], null,
                counts["forecasts_past"] + counts["forecasts_superseded"] + counts["nowcasts_past"], current));

            Report(0, "forecasts");
            ForecastCursor? cursor = null;
            do
            {
                ForecastBatchResult batch;
                (batch, cursor) = await DeleteForecastBatchAsync(cursor, pastBefore, supersededBefore, settings.BatchSize, token).ConfigureAwait(false);
                counts["batches"]++;
                counts["forecasts_scanned"] += batch.Scanned;
                counts["forecasts_past"] += batch.Past;
                counts["forecasts_superseded"] += batch.Superseded;
                Expired("forecasts", batch.Past + batch.Superseded);
                Report(0, "forecasts");
            }
            while (cursor is not null);

            Report(1, "nowcasts");
            while (true)
            {
                await using var command = dataSource.CreateCommand(NowcastBatch);
                command.Parameters.Add(new() { Value = pastBefore });
                command.Parameters.Add(new() { Value = settings.BatchSize });
                var deleted = await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                counts["batches"]++;
                counts["nowcasts_past"] += deleted;
                Expired("nowcasts", deleted);
                Report(1, "nowcasts");
                // A short batch means nothing unlocked is left; a full one may have more behind it.
                if (deleted < settings.BatchSize)
                {
                    break;
                }
            }

            Report(2, null);
            foreach (var (name, value) in counts)
            {
                activity?.SetTag($"weatherflick.{name}", value);
            }
            return counts;
        }, cancellationToken);

    /// <returns>What the batch did, and where the next one starts (null once the walk has passed the last row).</returns>
    private async Task<(ForecastBatchResult, ForecastCursor?)> DeleteForecastBatchAsync(ForecastCursor? after, DateTimeOffset pastBefore,
        DateTimeOffset supersededBefore, int batchSize, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, ForecastBatch,
            after is null ? "" : AfterCursor));
        command.Parameters.Add(new() { Value = batchSize });
        command.Parameters.Add(new() { Value = pastBefore });
        command.Parameters.Add(new() { Value = supersededBefore });
        if (after is not null)
        {
            command.Parameters.Add(new() { Value = after.GridNx });
            command.Parameters.Add(new() { Value = after.GridNy });
            command.Parameters.Add(new() { Value = after.BaseAt });
            command.Parameters.Add(new() { Value = after.ForecastAt });
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return (new ForecastBatchResult(0, 0, 0), null);
        }
        var result = new ForecastBatchResult(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        // A short scan has reached the end of the table.
        var next = result.Scanned < batchSize ? null : new ForecastCursor(reader.GetInt32(3), reader.GetInt32(4),
            reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6));
        return (result, next);
    }

    private static void Expired(string table, long rows)
    {
        if (rows > 0)
        {
            HousekeepingTelemetry.WeatherRowsExpired.Add(rows, new KeyValuePair<string, object?>("table", table));
        }
    }

    private sealed record ForecastCursor(int GridNx, int GridNy, DateTimeOffset BaseAt, DateTimeOffset ForecastAt);

    private sealed record ForecastBatchResult(long Scanned, long Past, long Superseded);
}
