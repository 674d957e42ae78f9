using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using WeatherFlick.Testing.LocalServers;
using WeatherFlick.Data.Destinations;
using WeatherFlick.Data.Migrations;

namespace WeatherFlick.Benchmarks.Upsert;

/// <summary>
/// COPY + set-based upsert against row-by-row INSERT … ON CONFLICT (the seeds' way), measured side by side in one
/// run on the same server: rows per second for 100,000 destinations, and the ratio.
/// </summary>
public static class UpsertBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 100_000;
        var folder = Path.Combine(Path.GetTempPath(), $"wf-bench-pg-{Guid.NewGuid():N}");
        await using var server = await LocalPostgresServer.StartAsync(new LocalPostgresOptions { DataDirectory = folder, Ephemeral = true });
        try
        {
            var data = Enumerable.Range(0, rows).Select(Destination).ToList();
            Console.WriteLine($"Upsert of {rows:N0} destination rows (29 columns) into PostgreSQL {server.Port}");

            // Warm-up (JIT, plan caches) on a small batch for both ways, so neither pays it in the measured pass.
            var warmUp = data.Take(1000).ToList();
            await MeasureAsync(server, "warmup_bulk", async connection => await DestinationTables.Destinations.UpsertAsync(connection, warmUp));
            await MeasureAsync(server, "warmup_rows", async connection => await RowByRowAsync(connection, warmUp));

            var bulk = await MeasureAsync(server, "bulk", async connection =>
                await DestinationTables.Destinations.UpsertAsync(connection, data));
            var bulkAgain = await MeasureAsync(server, "bulk-again", async connection =>
                await DestinationTables.Destinations.UpsertAsync(connection, data), measureSecondOnly: true);
            var rowByRow = await MeasureAsync(server, "row-by-row", async connection => await RowByRowAsync(connection, data));

            Console.WriteLine($"  COPY + set upsert (new rows):        {rows / bulk.TotalSeconds,12:N0} rows/s  ({bulk.TotalMilliseconds:N0} ms)");
            Console.WriteLine($"  COPY + set upsert (unchanged rows):  {rows / bulkAgain.TotalSeconds,12:N0} rows/s  ({bulkAgain.TotalMilliseconds:N0} ms)");
            Console.WriteLine($"  row-by-row INSERT … ON CONFLICT:     {rows / rowByRow.TotalSeconds,12:N0} rows/s  ({rowByRow.TotalMilliseconds:N0} ms)");
            Console.WriteLine($"  ratio bulk / row-by-row:             {rowByRow.TotalSeconds / bulk.TotalSeconds,12:N1}x");
            return 0;
        }
        finally
        {
            await server.StopAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<TimeSpan> MeasureAsync(LocalPostgresServer server, string name, Func<NpgsqlConnection, Task<object>> work, bool measureSecondOnly = false)
    {
        await server.CreateDatabaseIfMissingAsync(name);
        await using var dataSource = NpgsqlDataSource.Create(server.GetConnectionString(name));
        await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        await using var connection = await dataSource.OpenConnectionAsync();
        if (measureSecondOnly)
        {
            // Load once unmeasured, so the measured pass finds every row unchanged.
            await work(connection);
        }
        var clock = Stopwatch.StartNew();
        await work(connection);
        return clock.Elapsed;
    }

    private static async Task<object> RowByRowAsync(NpgsqlConnection connection, IReadOnlyList<DestinationRow> data)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO destinations (content_id, content_type_id, area_code, sigungu_code, title, addr1, addr2, tel, cat1, cat2, cat3,
                                      first_image, latitude, longitude, grid_nx, grid_ny, modified_time, raw_response_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
            ON CONFLICT (content_id) DO UPDATE SET title = EXCLUDED.title, modified_time = EXCLUDED.modified_time
            """, connection, transaction);
        NpgsqlTypes.NpgsqlDbType[] types =
        [
            NpgsqlTypes.NpgsqlDbType.Text, NpgsqlTypes.NpgsqlDbType.Integer, NpgsqlTypes.NpgsqlDbType.Integer, NpgsqlTypes.NpgsqlDbType.Integer,
            .. Enumerable.Repeat(NpgsqlTypes.NpgsqlDbType.Text, 8),
            NpgsqlTypes.NpgsqlDbType.Double, NpgsqlTypes.NpgsqlDbType.Double, NpgsqlTypes.NpgsqlDbType.Integer, NpgsqlTypes.NpgsqlDbType.Integer,
            NpgsqlTypes.NpgsqlDbType.TimestampTz, NpgsqlTypes.NpgsqlDbType.Bigint,
        ];
        foreach (var type in types)
        {
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = type });
        }
        await insert.PrepareAsync();
        foreach (var d in data)
        {
            object?[] values = [d.ContentId, d.ContentTypeId, d.AreaCode, d.SigunguCode, d.Title, d.Addr1, d.Addr2, d.Tel, d.Cat1, d.Cat2, d.Cat3,
                d.FirstImage, d.Latitude, d.Longitude, d.GridNx, d.GridNy, d.ModifiedTime, d.RawResponseId];
            for (var i = 0; i < values.Length; i++)
            {
                insert.Parameters[i].Value = values[i] ?? DBNull.Value;
            }
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        return data.Count;
    }

    private static DestinationRow Destination(int i) => new(
        ContentId: (100000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ContentTypeId: 12, AreaCode: 1 + (i % 8), SigunguCode: 1 + (i % 25), LDongRegnCd: "11", LDongSignguCd: "110",
        Title: $"관광지 {i}", Addr1: $"서울특별시 종로구 세종대로 {i}", Addr2: null, Zipcode: "03045", Tel: "02-120",
        Cat1: "A01", Cat2: "A0101", Cat3: "A01010100", LclsSystm1: "NA", LclsSystm2: "NA01", LclsSystm3: "NA010100",
        FirstImage: $"http://tong.visitkorea.or.kr/cms/resource/{i % 100:00}/{i}_image2_1.jpg", FirstImage2: null, CpyrhtDivCd: "Type1",
        Latitude: 37.5 + (i % 1000) / 10000.0, Longitude: 126.9 + (i % 1000) / 10000.0, MapLevel: 6, GridNx: 60, GridNy: 127,
        CreatedTime: new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), ModifiedTime: new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i),
        RawResponseId: i / 1000);
}
