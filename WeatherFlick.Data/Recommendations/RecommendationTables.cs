using Npgsql;
using NpgsqlTypes;
using WeatherFlick.Data.Bulk;

namespace WeatherFlick.Data.Recommendations;

/// <summary>How recommendations are bulk-upserted, keyed by destination and KST day; an unchanged score is not rewritten.</summary>
public static class RecommendationTables
{
    public static UpsertTable<RecommendationRow> Recommendations { get; } = UpsertTableBuilder<RecommendationRow>.For("recommendations")
        .Key("content_id", NpgsqlDbType.Text, r => r.ContentId)
        .Key("day_kst", NpgsqlDbType.Date, r => r.DayKst)
        .Column("score", NpgsqlDbType.Numeric, r => r.Score)
        .Column("level", NpgsqlDbType.Text, r => r.Level)
        .Column("profile", NpgsqlDbType.Text, r => r.Profile)
        .Column("reason", NpgsqlDbType.Text, r => r.Reason)
        .TouchOnChange("computed_at")
        .Build();

    /// <summary>
    /// Deletes a day's recommendations of every destination not in <paramref name="kept"/> (removed since, or left
    /// without a forecast), inside the caller's transaction; returns how many went.
    /// </summary>
    public static async Task<long> DeleteOthersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateOnly day, IReadOnlyCollection<string> kept, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("DELETE FROM recommendations WHERE day_kst = $1 AND NOT (content_id = ANY($2))", connection, transaction);
        command.Parameters.Add(new() { Value = day, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(new() { Value = kept.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
