using Npgsql;
using NpgsqlTypes;

namespace WeatherFlick.Jobs.Tourism;

/// <summary>The newest upstream <c>modifiedtime</c> an incremental partition has applied, per partition.</summary>
internal static class SyncWatermarks
{
    /// <summary>
    /// The partition's watermark; a partition never synced incrementally starts from the newest modified time of
    /// its content type already stored (a full sync's work), or from nothing (everything is new).
    /// </summary>
    public static async Task<DateTimeOffset?> ReadAsync(NpgsqlDataSource dataSource, string key, int contentType, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT COALESCE((SELECT watermark FROM sync_watermarks WHERE partition_key = $1),
                            (SELECT max(modified_time) FROM destinations WHERE content_type_id = $2))
            """);
        command.Parameters.Add(new() { Value = key });
        command.Parameters.Add(new() { Value = contentType });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is DateTime watermark
            ? new DateTimeOffset(watermark, TimeSpan.Zero)
            : null;
    }

    public static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string key, DateTimeOffset watermark, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO sync_watermarks (partition_key, watermark) VALUES ($1, $2)
            ON CONFLICT (partition_key) DO UPDATE SET watermark = GREATEST(sync_watermarks.watermark, EXCLUDED.watermark), updated_at = now()
            """, connection, transaction);
        command.Parameters.Add(new() { Value = key });
        command.Parameters.Add(new() { Value = watermark, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
