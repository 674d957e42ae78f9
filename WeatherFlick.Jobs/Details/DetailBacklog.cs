using Npgsql;
using NpgsqlTypes;

namespace WeatherFlick.Jobs.Details;

/// <summary>
/// What detail enrichment still has to do, read from the tables themselves: live destinations without details, or
/// whose details were fetched at an older modified_time, less those the service refused at their current
/// modified_time. An empty answer is believed for <see cref="DetailsOptions.RetryNoDataAfter"/> only (the services
/// sometimes answer NO_DATA for content they have, and what is really gone leaves the catalog through the catalog
/// sync meanwhile): then the destination is due again, also when its details were stored without the photos its
/// list entry promised. Because the backlog is a query, it is also the job's checkpoint: whatever a crash
/// interrupted is simply still in it.
/// </summary>
public sealed class DetailBacklog(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// The condition on <c>d</c> (destinations) and <c>x</c> (its details) of a destination that is due; <c>$1</c> is
    /// how long an empty answer is believed.
    /// </summary>
    private const string Due = """
        d.removed_at IS NULL
        AND (x.content_id IS NULL
             OR (d.modified_time IS NOT NULL AND (x.source_modified_time IS NULL OR x.source_modified_time < d.modified_time))
             OR EXISTS (SELECT 1 FROM detail_failures f WHERE f.content_id = d.content_id AND f.outcome = 'no_data'))
        AND NOT EXISTS (SELECT 1 FROM detail_failures f
                        WHERE f.content_id = d.content_id AND f.source_modified_time IS NOT DISTINCT FROM d.modified_time
                          AND (f.outcome <> 'no_data' OR f.failed_at > now() - $1::interval))
        """;

    /// <summary>
    /// The next <paramref name="limit"/> due destinations in priority order (area weight × content type weight, then
    /// newest modified first), leaving out <paramref name="excluded"/> (those this run already tried).
    /// </summary>
    public async Task<IReadOnlyList<DetailCandidate>> NextAsync(int limit, IReadOnlyDictionary<int, double> areaWeights,
        IReadOnlyDictionary<int, double> contentTypeWeights, TimeSpan retryNoDataAfter, IReadOnlyCollection<string> excluded, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT d.content_id, d.content_type_id, d.modified_time, d.first_image IS NOT NULL
            FROM destinations d
            LEFT JOIN destination_details x ON x.content_id = d.content_id
            LEFT JOIN unnest($2::int[], $3::float8[]) AS aw(code, weight) ON aw.code = d.area_code
            LEFT JOIN unnest($4::int[], $5::float8[]) AS tw(code, weight) ON tw.code = d.content_type_id
            WHERE {Due}
              AND d.content_id <> ALL($6::text[])
            ORDER BY COALESCE(aw.weight, 1) * COALESCE(tw.weight, 1) DESC, d.modified_time DESC NULLS LAST, d.content_id
            LIMIT $7
            """);
        command.Parameters.Add(new() { Value = retryNoDataAfter });
        command.Parameters.Add(new() { Value = areaWeights.Keys.ToArray() });
        command.Parameters.Add(new() { Value = areaWeights.Values.ToArray() });
        command.Parameters.Add(new() { Value = contentTypeWeights.Keys.ToArray() });
        command.Parameters.Add(new() { Value = contentTypeWeights.Values.ToArray() });
        command.Parameters.Add(new() { Value = excluded.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = limit });
        var candidates = new List<DetailCandidate>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            candidates.Add(new DetailCandidate(reader.GetString(0), reader.GetInt32(1),
                reader.IsDBNull(2) ? null : new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero), reader.GetBoolean(3)));
        }
        return candidates;
    }

    /// <summary>How many destinations are due, and how many of them are not in <paramref name="excluded"/>.</summary>
    public async Task<(long Due, long NotExcluded)> CountAsync(TimeSpan retryNoDataAfter, IReadOnlyCollection<string> excluded, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT count(*), count(*) FILTER (WHERE d.content_id <> ALL($2::text[]))
            FROM destinations d
            LEFT JOIN destination_details x ON x.content_id = d.content_id
            WHERE {Due}
            """);
        command.Parameters.Add(new() { Value = retryNoDataAfter });
        command.Parameters.Add(new() { Value = excluded.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>
    /// Remembers, inside <paramref name="transaction"/>, that the service refused or answered empty for a destination
    /// at <paramref name="modifiedTime"/> (its modified_time when asked).
    /// </summary>
    public static async Task RecordFailureAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string contentId, DateTimeOffset? modifiedTime,
        DetailFetch.Failed failure, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO detail_failures AS f (content_id, source_modified_time, operation, outcome, code, message, raw_response_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (content_id) DO UPDATE
            SET source_modified_time = EXCLUDED.source_modified_time, operation = EXCLUDED.operation, outcome = EXCLUDED.outcome,
                code = EXCLUDED.code, message = EXCLUDED.message, raw_response_id = EXCLUDED.raw_response_id,
                failures = f.failures + 1, failed_at = now()
            """, connection, transaction);
        command.Parameters.Add(new() { Value = contentId });
        command.Parameters.Add(new() { Value = (object?)modifiedTime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = failure.Operation });
        command.Parameters.Add(new() { Value = failure.Outcome });
        command.Parameters.Add(new() { Value = failure.Code });
        command.Parameters.Add(new() { Value = failure.Message });
        command.Parameters.Add(new() { Value = (object?)failure.RawResponseId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forgets an earlier failure of a destination whose details have now been stored (inside that transaction).</summary>
    public static async Task ForgetFailureAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string contentId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("DELETE FROM detail_failures WHERE content_id = $1", connection, transaction);
        command.Parameters.Add(new() { Value = contentId });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
