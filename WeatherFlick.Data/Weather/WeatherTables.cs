using Npgsql;
using NpgsqlTypes;
using WeatherFlick.Data.Bulk;

namespace WeatherFlick.Data.Weather;

/// <summary>
/// How KMA rows are bulk-upserted and which grid cells they are collected for. A forecast row is keyed by cell,
/// issue and hour, so collecting the same issue again rewrites nothing, and a newer issue adds rows beside it.
/// </summary>
public static class WeatherTables
{
    public static UpsertTable<ForecastRow> Forecasts { get; } = UpsertTableBuilder<ForecastRow>.For("forecasts")
        .Key("grid_nx", NpgsqlDbType.Integer, f => f.GridNx)
        .Key("grid_ny", NpgsqlDbType.Integer, f => f.GridNy)
        .Key("base_at", NpgsqlDbType.TimestampTz, f => f.BaseAt)
        .Key("forecast_at", NpgsqlDbType.TimestampTz, f => f.ForecastAt)
        .Column("tmp", NpgsqlDbType.Real, f => f.Tmp)
        .Column("tmn", NpgsqlDbType.Real, f => f.Tmn)
        .Column("tmx", NpgsqlDbType.Real, f => f.Tmx)
        .Column("sky", NpgsqlDbType.Smallint, f => f.Sky)
        .Column("pty", NpgsqlDbType.Smallint, f => f.Pty)
        .Column("pop", NpgsqlDbType.Smallint, f => f.Pop)
        .Column("pcp_mm", NpgsqlDbType.Real, f => f.PcpMm)
        .Column("sno_cm", NpgsqlDbType.Real, f => f.SnoCm)
        .Column("reh", NpgsqlDbType.Smallint, f => f.Reh)
        .Column("wsd", NpgsqlDbType.Real, f => f.Wsd)
        .Column("vec", NpgsqlDbType.Smallint, f => f.Vec)
        .Column("uuu", NpgsqlDbType.Real, f => f.Uuu)
        .Column("vvv", NpgsqlDbType.Real, f => f.Vvv)
        .Column("wav", NpgsqlDbType.Real, f => f.Wav)
        .Bookkeeping("raw_response_id", NpgsqlDbType.Bigint, f => f.RawResponseId)
        .TouchOnChange("updated_at")
        .Build();

    public static UpsertTable<NowcastRow> Nowcasts { get; } = UpsertTableBuilder<NowcastRow>.For("nowcasts")
        .Key("grid_nx", NpgsqlDbType.Integer, n => n.GridNx)
        .Key("grid_ny", NpgsqlDbType.Integer, n => n.GridNy)
        .Key("observed_at", NpgsqlDbType.TimestampTz, n => n.ObservedAt)
        .Column("t1h", NpgsqlDbType.Real, n => n.T1h)
        .Column("rn1", NpgsqlDbType.Real, n => n.Rn1Mm)
        .Column("reh", NpgsqlDbType.Smallint, n => n.Reh)
        .Column("pty", NpgsqlDbType.Smallint, n => n.Pty)
        .Column("wsd", NpgsqlDbType.Real, n => n.Wsd)
        .Column("vec", NpgsqlDbType.Smallint, n => n.Vec)
        .Column("uuu", NpgsqlDbType.Real, n => n.Uuu)
        .Column("vvv", NpgsqlDbType.Real, n => n.Vvv)
        .Bookkeeping("raw_response_id", NpgsqlDbType.Bigint, n => n.RawResponseId)
        .TouchOnChange("updated_at")
        .Build();

    /// <summary>The distinct grid cells of live destinations (removed ones need no weather), ordered.</summary>
    public static async Task<IReadOnlyList<GridCell>> LiveGridCellsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT DISTINCT grid_nx, grid_ny FROM destinations
            WHERE removed_at IS NULL AND grid_nx IS NOT NULL AND grid_ny IS NOT NULL
            ORDER BY grid_nx, grid_ny
            """);
        var cells = new List<GridCell>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            cells.Add(new GridCell(reader.GetInt32(0), reader.GetInt32(1)));
        }
        return cells;
    }
}
