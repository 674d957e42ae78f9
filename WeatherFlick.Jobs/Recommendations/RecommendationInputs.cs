using Npgsql;
using WeatherFlick.Data.Weather;

namespace WeatherFlick.Jobs.Recommendations;

/// <summary>What scoring reads: live destinations with a grid cell, and the forecast hours of their cells.</summary>
internal static class RecommendationInputs
{
    public static async Task<IReadOnlyList<ScoredDestination>> LiveDestinationsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT content_id, grid_nx, grid_ny, content_type_id, cat1, cat2, cat3, lcls_systm1, lcls_systm2
            FROM destinations
            WHERE removed_at IS NULL AND grid_nx IS NOT NULL AND grid_ny IS NOT NULL
            """);
        var destinations = new List<ScoredDestination>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            string? Text(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
            destinations.Add(new ScoredDestination(reader.GetString(0), new GridCell(reader.GetInt32(1), reader.GetInt32(2)),
                ActivityProfiles.For(reader.GetInt32(3), Text(4), Text(5), Text(6), Text(7), Text(8))));
        }
        return destinations;
    }

    /// <summary>
    /// Every forecast hour from <paramref name="from"/> to <paramref name="to"/> of the cells of live destinations,
    /// each from the latest issue that forecasts it (an older issue fills hours a newer one no longer covers).
    /// </summary>
    public static async Task<IReadOnlyDictionary<GridCell, List<HourlyWeather>>> ForecastHoursAsync(NpgsqlDataSource dataSource, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT DISTINCT ON (f.grid_nx, f.grid_ny, f.forecast_at)
                   f.grid_nx, f.grid_ny, f.forecast_at, f.tmp, f.sky, f.pty, f.pop, f.pcp_mm, f.sno_cm, f.reh, f.wsd
            FROM forecasts f
            WHERE f.forecast_at BETWEEN $1 AND $2
              AND EXISTS (SELECT 1 FROM destinations d
                          WHERE d.grid_nx = f.grid_nx AND d.grid_ny = f.grid_ny AND d.removed_at IS NULL)
            ORDER BY f.grid_nx, f.grid_ny, f.forecast_at, f.base_at DESC
            """);
        command.Parameters.Add(new() { Value = from.ToUniversalTime() });
        command.Parameters.Add(new() { Value = to.ToUniversalTime() });
        var hours = new Dictionary<GridCell, List<HourlyWeather>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            float? Real(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFloat(ordinal);
            short? Small(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt16(ordinal);
            var cell = new GridCell(reader.GetInt32(0), reader.GetInt32(1));
            if (!hours.TryGetValue(cell, out var list))
            {
                hours[cell] = list = [];
            }
            list.Add(new HourlyWeather(reader.GetFieldValue<DateTimeOffset>(2), Real(3), Small(4), Small(5), Small(6), Real(7), Real(8), Small(9), Real(10)));
        }
        return hours;
    }
}
