using Npgsql;
using NpgsqlTypes;

namespace WeatherFlick.Tests.Infrastructure;

/// <summary>
/// Plants rows straight into a migrated database with the times a test chooses (the job server's clock, not the
/// database's now()), for jobs that read what collectors wrote: quality, alerts, housekeeping.
/// </summary>
public sealed class DatabaseSeed(string connectionString, TimeProvider clock) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _db = NpgsqlDataSource.Create(connectionString);

    public NpgsqlDataSource DataSource => _db;

    public async Task DestinationsAsync(params SeedDestination[] destinations)
    {
        foreach (var d in destinations)
        {
            await ExecuteAsync("""
                INSERT INTO destinations (content_id, content_type_id, area_code, title, addr1, first_image, latitude, longitude,
                                          grid_nx, grid_ny, raw_response_id, removed_at, first_seen_at, updated_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
                """, d.ContentId, d.ContentTypeId, d.AreaCode, d.Title, Text(d.Addr1), Text(d.FirstImage), Double(d.Latitude), Double(d.Longitude),
                Integer(d.GridNx), Integer(d.GridNy), Bigint(d.RawResponseId), Time(d.RemovedAt), d.UpdatedAt ?? clock.GetUtcNow());
        }
    }

    /// <summary>One issue of a grid cell with a plausible hourly row for every hour from <paramref name="first"/> to <paramref name="last"/>.</summary>
    public Task ForecastAsync(int nx, int ny, DateTimeOffset baseAt, DateTimeOffset first, DateTimeOffset last) =>
        ExecuteAsync("""
            INSERT INTO forecasts (grid_nx, grid_ny, base_at, forecast_at, tmp, sky, pty, pop, pcp_mm, sno_cm, reh, wsd, vec, uuu, vvv)
            SELECT $1, $2, $3, h, 12.5, 1, 0, 20, 0, 0, 55, 2.4, 270, 1.1, -0.4 FROM generate_series($4::timestamptz, $5::timestamptz, interval '1 hour') AS h
            """, nx, ny, baseAt, first, last);

    /// <summary>A collection run with its partitions (key, status, violations), as a collector would have left it.</summary>
    public async Task<long> RunAsync(string job, string status, DateTimeOffset startedAt, string? error = null, DateTimeOffset? resumeAt = null,
        params (string Key, string Status, string[] Violations)[] partitions)
    {
        await using var command = _db.CreateCommand("""
            INSERT INTO collection_runs (job, status, trigger, started_at, finished_at, resume_at, partitions_total, partitions_done, error)
            VALUES ($1, $2, 'test', $3, CASE WHEN $2 IN ('succeeded', 'failed') THEN $3 + interval '10 minutes' END, $4, $5, $6, $7)
            RETURNING id
            """);
        command.Parameters.Add(new() { Value = job });
        command.Parameters.Add(new() { Value = status });
        command.Parameters.Add(Parameter(startedAt));
        command.Parameters.Add(Time(resumeAt));
        command.Parameters.Add(new() { Value = partitions.Length });
        command.Parameters.Add(new() { Value = partitions.Count(p => p.Status == "done") });
        command.Parameters.Add(Text(error));
        var runId = (long)(await command.ExecuteScalarAsync())!;
        foreach (var (key, partitionStatus, violations) in partitions)
        {
            await ExecuteAsync("""
                INSERT INTO run_partitions (run_id, partition_key, status, pages_done, violations, updated_at) VALUES ($1, $2, $3, 1, $4, $5)
                """, runId, key, partitionStatus, violations, startedAt.AddMinutes(5));
        }
        return runId;
    }

    public Task KeyStateAsync(string provider, string fingerprint, string state, string reason, DateTimeOffset changedAt) =>
        ExecuteAsync("INSERT INTO api_key_states (provider, key_fingerprint, state, reason, changed_at) VALUES ($1, $2, $3, $4, $5)",
            provider, fingerprint, state, reason, changedAt);

    public async Task ExecuteAsync(string sql, params object[] values)
    {
        await using var command = _db.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(Parameter(value));
        }
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] values)
    {
        await using var command = _db.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(Parameter(value));
        }
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    /// <summary>Npgsql writes timestamptz from UTC values only; tests think in KST.</summary>
    private static NpgsqlParameter Parameter(object value) => value switch
    {
        NpgsqlParameter parameter => parameter,
        DateTimeOffset instant => new NpgsqlParameter { Value = instant.ToUniversalTime() },
        DateTimeOffset[] instants => new NpgsqlParameter { Value = instants.Select(i => i.ToUniversalTime()).ToArray() },
        _ => new NpgsqlParameter { Value = value },
    };

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter Double(double? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double };

    private static NpgsqlParameter Integer(int? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer };

    private static NpgsqlParameter Bigint(long? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint };

    private static NpgsqlParameter Time(DateTimeOffset? value) => new() { Value = (object?)value?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };
}
