using Npgsql;
using WeatherFlick.Data.Weather;

namespace WeatherFlick.Tests.Weather;

/// <summary>Reads stored weather rows back as the row types the collectors write, for comparison with upstream.</summary>
internal static class StoredForecasts
{
    public static async Task<List<ForecastRow>> ForecastsAsync(NpgsqlDataSource db, GridCell cell, DateTimeOffset issue)
    {
        await using var command = db.CreateCommand("""
            SELECT grid_nx, grid_ny, base_at, forecast_at, tmp, tmn, tmx, sky, pty, pop, pcp_mm, sno_cm, reh, wsd, vec, uuu, vvv, wav, raw_response_id
            FROM forecasts WHERE grid_nx = $1 AND grid_ny = $2 AND base_at = $3 ORDER BY forecast_at
            """);
        command.Parameters.Add(new() { Value = cell.Nx });
        command.Parameters.Add(new() { Value = cell.Ny });
        command.Parameters.Add(new() { Value = issue.ToUniversalTime() });
        var rows = new List<ForecastRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            float? F(int i) => reader.IsDBNull(i) ? null : reader.GetFloat(i);
            short? S(int i) => reader.IsDBNull(i) ? null : reader.GetInt16(i);
            rows.Add(new ForecastRow(reader.GetInt32(0), reader.GetInt32(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3),
                F(4), F(5), F(6), S(7), S(8), S(9), F(10), F(11), S(12), F(13), S(14), F(15), F(16), F(17), reader.IsDBNull(18) ? null : reader.GetInt64(18)));
        }
        return rows;
    }

    public static async Task<List<NowcastRow>> NowcastsAsync(NpgsqlDataSource db, GridCell cell)
    {
        await using var command = db.CreateCommand("""
            SELECT grid_nx, grid_ny, observed_at, t1h, rn1, reh, pty, wsd, vec, uuu, vvv, raw_response_id
            FROM nowcasts WHERE grid_nx = $1 AND grid_ny = $2 ORDER BY observed_at
            """);
        command.Parameters.Add(new() { Value = cell.Nx });
        command.Parameters.Add(new() { Value = cell.Ny });
        var rows = new List<NowcastRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            float? F(int i) => reader.IsDBNull(i) ? null : reader.GetFloat(i);
            short? S(int i) => reader.IsDBNull(i) ? null : reader.GetInt16(i);
            rows.Add(new NowcastRow(reader.GetInt32(0), reader.GetInt32(1), reader.GetFieldValue<DateTimeOffset>(2),
                F(3), F(4), S(5), S(6), F(7), S(8), F(9), F(10), reader.IsDBNull(11) ? null : reader.GetInt64(11)));
        }
        return rows;
    }

    /// <summary>Rows that differ from upstream's (provenance aside), described for a failure message; empty when equal.</summary>
    public static List<string> Differences<T>(IEnumerable<T> stored, IEnumerable<T> upstream, Func<T, DateTimeOffset> at, Func<T, T> withoutProvenance)
    {
        var mine = stored.Select(withoutProvenance).ToDictionary(at);
        var theirs = upstream.Select(withoutProvenance).ToDictionary(at);
        return
        [
            .. theirs.Keys.Except(mine.Keys).Select(k => $"missing {k:u}"),
            .. mine.Keys.Except(theirs.Keys).Select(k => $"extra {k:u}"),
            .. theirs.Where(t => mine.TryGetValue(t.Key, out var m) && !Equals(m, t.Value)).Select(t => $"{t.Key:u}: stored {mine[t.Key]} vs upstream {t.Value}"),
        ];
    }
}
