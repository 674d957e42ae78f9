using Npgsql;
using WeatherFlick.Data.Quality;

namespace WeatherFlick.Jobs.Quality;

/// <summary>
/// The rules over forecasts, counted in slots: every grid cell of a live destination × every whole hour of the next
/// <c>ForecastHours</c>. A slot is clean when the grid's latest issue has a row for that hour with plausible values;
/// an older issue does not fill a hole in the latest one, because the product shows the latest.
/// </summary>
internal static class ForecastRules
{
    /// <summary>A grid cell of a live destination with no forecast at all (each of its slots is missing).</summary>
    public const string GridMissing = "grid_missing";

    /// <summary>A slot the grid's latest issue lacks.</summary>
    public const string HourGap = "hour_gap";

    /// <summary>A slot whose row holds a value no Korean weather produces (examples name the values).</summary>
    public const string ValueOutOfRange = "value_out_of_range";

    public static readonly IReadOnlyList<string> Rules = [GridMissing, HourGap, ValueOutOfRange];

    /// <summary>The first slot checked at <paramref name="now"/>: the next whole hour (KST is a whole-hour offset, so UTC hours are KST hours).</summary>
    public static DateTimeOffset FirstHour(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
    }

    public static async Task<QualityReport> CheckAsync(NpgsqlDataSource dataSource, DateTimeOffset now, int hours, CancellationToken cancellationToken)
    {
        var first = FirstHour(now);
        await using var command = dataSource.CreateCommand("""
            WITH grids AS (
                SELECT DISTINCT grid_nx, grid_ny FROM destinations WHERE removed_at IS NULL AND grid_nx IS NOT NULL AND grid_ny IS NOT NULL
            ), latest AS MATERIALIZED (
                -- Materialized: inlined, the latest-issue lookup would run again for every slot that refers to it.
                SELECT g.grid_nx, g.grid_ny,
                       (SELECT max(f.base_at) FROM forecasts f WHERE f.grid_nx = g.grid_nx AND f.grid_ny = g.grid_ny) AS base_at
                FROM grids g
            ), slots AS (
                SELECT l.grid_nx || ',' || l.grid_ny AS grid, h.at AS forecast_at, l.base_at, f.grid_nx IS NOT NULL AS present,
                       -- Plausible for Korea with a wide margin (records: -32.6 to 41.0 °C; typhoon gusts near 60 m/s).
                       -- Missing markers (±900) are stored as NULL and are not findings.
                       concat_ws(' ',
                           CASE WHEN f.tmp NOT BETWEEN -50 AND 50 THEN 'tmp=' || f.tmp END,
                           CASE WHEN f.tmn NOT BETWEEN -50 AND 50 THEN 'tmn=' || f.tmn END,
                           CASE WHEN f.tmx NOT BETWEEN -50 AND 50 THEN 'tmx=' || f.tmx END,
                           CASE WHEN f.sky NOT BETWEEN 1 AND 4 THEN 'sky=' || f.sky END,
                           CASE WHEN f.pty NOT BETWEEN 0 AND 7 THEN 'pty=' || f.pty END,
                           CASE WHEN f.pop NOT BETWEEN 0 AND 100 THEN 'pop=' || f.pop END,
                           CASE WHEN f.pcp_mm NOT BETWEEN 0 AND 300 THEN 'pcp_mm=' || f.pcp_mm END,
                           CASE WHEN f.sno_cm NOT BETWEEN 0 AND 150 THEN 'sno_cm=' || f.sno_cm END,
                           CASE WHEN f.reh NOT BETWEEN 0 AND 100 THEN 'reh=' || f.reh END,
                           CASE WHEN f.wsd NOT BETWEEN 0 AND 75 THEN 'wsd=' || f.wsd END,
                           CASE WHEN f.vec NOT BETWEEN 0 AND 360 THEN 'vec=' || f.vec END,
                           CASE WHEN f.uuu NOT BETWEEN -75 AND 75 THEN 'uuu=' || f.uuu END,
                           CASE WHEN f.vvv NOT BETWEEN -75 AND 75 THEN 'vvv=' || f.vvv END,
                           CASE WHEN f.wav NOT BETWEEN 0 AND 30 THEN 'wav=' || f.wav END) AS implausible
                FROM latest l
                -- The hours as an array: the planner counts its elements, where it guesses 1,000 rows for generate_series
                -- and then spends seconds compiling the query (JIT) for a plan a hundred times too big.
                CROSS JOIN unnest($1::timestamptz[]) AS h(at)
                LEFT JOIN forecasts f ON f.grid_nx = l.grid_nx AND f.grid_ny = l.grid_ny AND f.base_at = l.base_at AND f.forecast_at = h.at
            ), checked AS (
                SELECT grid, forecast_at, implausible,
                       grid || '@' || to_char(forecast_at AT TIME ZONE 'Asia/Seoul', 'YYYY-MM-DD"T"HH24:MI"+09:00"') AS slot,
                       base_at IS NULL AS grid_missing,
                       base_at IS NOT NULL AND NOT present AS hour_gap,
                       present AND implausible <> '' AS value_out_of_range
                FROM slots
            )
            SELECT count(*),
                   count(*) FILTER (WHERE NOT (grid_missing OR hour_gap OR value_out_of_range)),
                   count(DISTINCT grid) FILTER (WHERE grid_missing),
                   (array_agg(DISTINCT grid) FILTER (WHERE grid_missing))[1:$2],
                   count(*) FILTER (WHERE hour_gap),
                   (array_agg(slot ORDER BY grid, forecast_at) FILTER (WHERE hour_gap))[1:$2],
                   count(*) FILTER (WHERE value_out_of_range),
                   (array_agg(slot || ' ' || implausible ORDER BY grid, forecast_at) FILTER (WHERE value_out_of_range))[1:$2]
            FROM checked
            """);
        command.Parameters.Add(new() { Value = Enumerable.Range(0, hours).Select(h => first.AddHours(h)).ToArray() });
        command.Parameters.Add(new() { Value = FindingsReader.Examples });
        return await FindingsReader.ReadAsync(command, QualityTables.Forecasts, Rules, cancellationToken).ConfigureAwait(false);
    }
}
