using Npgsql;
using NpgsqlTypes;
using WeatherFlick.Data.Time;

namespace WeatherFlick.Jobs.Collection.Gateway;

/// <summary>
/// Counts calls per provider, key, operation and KST day for every job and every job-server instance. Each call is
/// charged before it is sent by one conditional upsert that also picks the least-used usable key, so concurrent
/// callers anywhere can never push a key past its quota, and a crash never forgets a call that went out.
/// PostgreSQL is the ledger of record (see the closing note of issue #5 for why not Redis).
/// </summary>
public sealed class QuotaLedger(NpgsqlDataSource dataSource, TimeProvider time)
{
    public const string Active = "active";
    public const string Cooling = "cooling";
    public const string Disabled = "disabled";

    /// <summary>
    /// Charges one call to a usable key, or returns null when none is. Keys are taken in order of
    /// <paramref name="preference"/> (lower first; e.g. how busy each key's pacer is), then least used.
    /// </summary>
    public async Task<KeyReservation?> TryReserveAsync(string provider, string operation, IReadOnlyList<ApiKey> keys, int dailyQuota, CancellationToken cancellationToken,
        IReadOnlyList<int>? preference = null)
    {
        var now = time.GetUtcNow();
        var day = KoreaTime.DayOf(now);
        // A lost race on the chosen key (another caller took its last call) is retried with the next one.
        for (var attempt = 0; attempt < keys.Count + 1; attempt++)
        {
            await using var command = dataSource.CreateCommand("""
                WITH usable AS (
                    SELECT k.fp, COALESCE(u.calls, 0) AS calls, k.pref, k.ord
                    FROM unnest($3::text[], $7::int[]) WITH ORDINALITY AS k(fp, pref, ord)
                    LEFT JOIN api_key_usage u
                           ON u.provider = $1 AND u.key_fingerprint = k.fp AND u.operation = $2 AND u.day_kst = $4
                    LEFT JOIN api_key_states s ON s.provider = $1 AND s.key_fingerprint = k.fp
                    WHERE COALESCE(u.calls, 0) < $5
                      AND (s.state IS NULL OR s.state = 'active' OR (s.state = 'cooling' AND s.until <= $6))
                    ORDER BY k.pref, calls, k.ord
                    LIMIT 1
                ), charged AS (
                    INSERT INTO api_key_usage AS u (provider, key_fingerprint, operation, day_kst, calls)
                    SELECT $1, fp, $2, $4, 1 FROM usable
                    ON CONFLICT (provider, key_fingerprint, operation, day_kst)
                    DO UPDATE SET calls = u.calls + 1, updated_at = now() WHERE u.calls < $5
                    RETURNING key_fingerprint, calls
                )
                -- No row: no usable key. A row with null calls: the chosen key was taken meanwhile; try again.
                SELECT key_fingerprint, calls FROM charged
                UNION ALL
                SELECT fp, NULL FROM usable WHERE NOT EXISTS (SELECT 1 FROM charged)
                """);
            command.Parameters.Add(new() { Value = provider });
            command.Parameters.Add(new() { Value = operation });
            command.Parameters.Add(new() { Value = keys.Select(k => k.Fingerprint).ToArray() });
            command.Parameters.Add(new() { Value = day, NpgsqlDbType = NpgsqlDbType.Date });
            command.Parameters.Add(new() { Value = dailyQuota });
            command.Parameters.Add(new() { Value = now });
            command.Parameters.Add(new() { Value = preference?.ToArray() ?? new int[keys.Count] });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
            if (!reader.IsDBNull(1))
            {
                var fingerprint = reader.GetString(0);
                return new KeyReservation(keys.First(k => k.Fingerprint == fingerprint), day, reader.GetInt32(1));
            }
        }
        return null;
    }

    /// <summary>When a key may next serve this operation: the end of the earliest cool-down, or the next 00:00 KST.</summary>
    public async Task<DateTimeOffset> NextAvailableAsync(string provider, string operation, IReadOnlyList<ApiKey> keys, int dailyQuota, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var midnight = KoreaTime.NextMidnight(now);
        await using var command = dataSource.CreateCommand("""
            SELECT min(s.until)
            FROM unnest($3::text[]) AS k(fp)
            JOIN api_key_states s ON s.provider = $1 AND s.key_fingerprint = k.fp AND s.state = 'cooling'
            LEFT JOIN api_key_usage u ON u.provider = $1 AND u.key_fingerprint = k.fp AND u.operation = $2 AND u.day_kst = $4
            WHERE COALESCE(u.calls, 0) < $5
            """);
        command.Parameters.Add(new() { Value = provider });
        command.Parameters.Add(new() { Value = operation });
        command.Parameters.Add(new() { Value = keys.Select(k => k.Fingerprint).ToArray() });
        command.Parameters.Add(new() { Value = KoreaTime.DayOf(now), NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(new() { Value = dailyQuota });
        var cooling = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return cooling is DateTime until && new DateTimeOffset(until, TimeSpan.Zero) < midnight ? new DateTimeOffset(until, TimeSpan.Zero) : midnight;
    }

    /// <summary>The upstream said the key's quota is spent (22): nothing more is charged to it today.</summary>
    public Task MarkExhaustedAsync(string provider, ApiKey key, string operation, int dailyQuota, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            INSERT INTO api_key_usage AS u (provider, key_fingerprint, operation, day_kst, calls) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (provider, key_fingerprint, operation, day_kst) DO UPDATE SET calls = GREATEST(u.calls, $5), updated_at = now()
            """, cancellationToken, provider, key.Fingerprint, operation, KoreaTime.DayOf(time.GetUtcNow()), dailyQuota);

    /// <summary>The upstream pushed back on the key (429): leave it alone until <paramref name="until"/>.</summary>
    public Task CoolAsync(string provider, ApiKey key, DateTimeOffset until, string reason, CancellationToken cancellationToken) =>
        SetStateAsync(provider, key, Cooling, until, reason, cancellationToken);

    /// <summary>The upstream refused the key itself (20, 30, 31, 32 …): nothing is sent with it until an operator re-enables it.</summary>
    public Task DisableAsync(string provider, ApiKey key, string reason, CancellationToken cancellationToken) =>
        SetStateAsync(provider, key, Disabled, null, reason, cancellationToken);


    public async Task<IReadOnlyList<KeyUsage>> UsageAsync(string provider, IReadOnlyList<ApiKey> keys, IReadOnlyList<string> operations, int dailyQuota, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var day = KoreaTime.DayOf(now);
        await using var command = dataSource.CreateCommand("""
            SELECT k.fp, o.op, COALESCE(u.calls, 0), s.state, s.until, s.reason
            FROM unnest($2::text[]) WITH ORDINALITY AS k(fp, ord)
            CROSS JOIN unnest($3::text[]) AS o(op)
            LEFT JOIN api_key_usage u ON u.provider = $1 AND u.key_fingerprint = k.fp AND u.operation = o.op AND u.day_kst = $4
            LEFT JOIN api_key_states s ON s.provider = $1 AND s.key_fingerprint = k.fp
            ORDER BY k.ord, o.op
            """);
        command.Parameters.Add(new() { Value = provider });
        command.Parameters.Add(new() { Value = keys.Select(k => k.Fingerprint).ToArray() });
        command.Parameters.Add(new() { Value = operations.ToArray() });
        command.Parameters.Add(new() { Value = day, NpgsqlDbType = NpgsqlDbType.Date });
        var usage = new List<KeyUsage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var calls = reader.GetInt32(2);
            DateTimeOffset? until = reader.IsDBNull(4) ? null : new DateTimeOffset(reader.GetDateTime(4), TimeSpan.Zero);
            var state = reader.IsDBNull(3) ? Active : reader.GetString(3);
            if (state == Cooling && until <= now)
            {
                state = Active;
            }
            usage.Add(new KeyUsage(provider, reader.GetString(0), reader.GetString(1), day, calls, dailyQuota,
                state == Active && calls >= dailyQuota ? "exhausted" : state, state == Active && calls >= dailyQuota ? KoreaTime.NextMidnight(now) : until,
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        return usage;
    }

    private Task SetStateAsync(string provider, ApiKey key, string state, DateTimeOffset? until, string reason, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            INSERT INTO api_key_states (provider, key_fingerprint, state, until, reason) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (provider, key_fingerprint) DO UPDATE
            SET state = EXCLUDED.state, until = EXCLUDED.until, reason = EXCLUDED.reason, changed_at = now()
            WHERE api_key_states.state <> 'disabled' OR EXCLUDED.state = 'disabled'
            """, cancellationToken, provider, key.Fingerprint, state, until, reason);

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value switch
            {
                DateOnly day => new NpgsqlParameter { Value = day, NpgsqlDbType = NpgsqlDbType.Date },
                null => new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                _ => new NpgsqlParameter { Value = value },
            });
        }
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
