using System.Security.Cryptography;
using System.Text;
using Npgsql;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Jobs.Collection.Kma;
using WeatherFlick.Simulator.Hosting;
using WeatherFlick.Tests.Infrastructure;
using WeatherFlick.Tests.Tourism;

namespace WeatherFlick.Tests.EndToEnd;

/// <summary>Issue #6's end-to-end acceptance: every collector, in order, against a 5,000-destination simulator.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CollectionEndToEndTests(PostgresServerFixture postgres, RedisServerFixture redis)
{
    // 10:20 KST: the 08:00 issue is published, the 11:00 one is not.
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 20, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task Every_collector_runs_against_5000_destinations_and_the_tables_agree_with_the_simulator()
    {
        await using var sim = await SimulatorServer.StartAsync(o =>
        {
            o.Size = 5000;
            o.RatePerSecond = 0;
            o.StartTime = Now;
            o.FreezeClock = true;
            o.Evolution.ModifiedPerDay = 0.01;
            o.Evolution.DeletedPerDay = 0.002;
            o.Evolution.CreatedPerDay = 0.004;
        });
        var clock = new ManualClock(Now);
        await using var jobs = await JobServer.StartAsync(sim, await postgres.CreateDatabaseAsync("e2e"), redis.ConnectionString, time: clock);

        var full = await jobs.RunAsync("tourism-full");
        full.Status.ShouldBe(JobResult.Succeeded, full.Error);
        var truth = await TourismSyncTests.SimulatorItemsAsync(sim);
        var areas = await SimulatorAreasAsync(sim);
        (await StoredHashPerAreaAsync(jobs.Database)).ShouldBe(HashPerArea(truth, areas), "count and content hash per area");

        var again = await jobs.RunAsync("tourism-full");
        (again.Counts["inserted"], again.Counts["updated"], again.Counts["removed"]).ShouldBe((0L, 0L, 0L), "a second full sync changes nothing");

        sim.Clock.Advance(TimeSpan.FromDays(1));
        clock.Advance(TimeSpan.FromDays(1));
        var incremental = await jobs.RunAsync("tourism-incremental");
        incremental.Status.ShouldBe(JobResult.Succeeded, incremental.Error);
        TourismSyncTests.AssertSameCatalog(await TourismSyncTests.StoredAsync(jobs.Database), await TourismSyncTests.SimulatorItemsAsync(sim));

        await using var db = NpgsqlDataSource.Create(jobs.Database);
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };
        foreach (var (lat, lon, nx, ny) in KnownPoints)
        {
            KmaGrid.ToGrid(lat, lon).ShouldBe((nx, ny), "the collectors' grid conversion agrees with the reference's known points");
            var simulated = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(http,
                FormattableString.Invariant($"_sim/grid?lat={lat}&lon={lon}"));
            (simulated.GetProperty("nx").GetInt32(), simulated.GetProperty("ny").GetInt32()).ShouldBe((nx, ny), "and so does the simulator's own conversion");
        }
        await using (var grids = db.CreateCommand("SELECT latitude, longitude, grid_nx, grid_ny FROM destinations WHERE latitude IS NOT NULL"))
        await using (var reader = await grids.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                (int Nx, int Ny)? stored = reader.IsDBNull(2) ? null : (reader.GetInt32(2), reader.GetInt32(3));
                KmaGrid.ToGrid(reader.GetDouble(0), reader.GetDouble(1)).ShouldBe(stored, "each stored grid is its coordinates' cell");
            }
        }

        (await jobs.RunAsync("weather-forecast")).Status.ShouldBe(JobResult.Succeeded);
        (await ScalarAsync(db, """
            SELECT count(*) FROM (SELECT DISTINCT grid_nx, grid_ny FROM destinations WHERE removed_at IS NULL AND grid_nx IS NOT NULL) g
            WHERE NOT EXISTS (SELECT 1 FROM forecasts f WHERE f.grid_nx = g.grid_nx AND f.grid_ny = g.grid_ny)
            """)).ShouldBe(0L, "every destination grid has forecasts");
        (await jobs.RunAsync("weather-nowcast")).Status.ShouldBe(JobResult.Succeeded);

        (await jobs.RunAsync("recommendations")).Status.ShouldBe(JobResult.Succeeded);
        (await ScalarAsync(db, """
            SELECT count(*) FROM destinations d
            WHERE d.removed_at IS NULL
              AND EXISTS (SELECT 1 FROM forecasts f WHERE f.grid_nx = d.grid_nx AND f.grid_ny = d.grid_ny)
              AND NOT EXISTS (SELECT 1 FROM recommendations r WHERE r.content_id = d.content_id)
            """)).ShouldBe(0L, "every destination with a forecast has recommendations");

        (await jobs.RunAsync("quality")).Status.ShouldBe(JobResult.Succeeded);
        (await ScalarAsync(db, "SELECT count(DISTINCT table_name) FROM quality_reports")).ShouldBeGreaterThanOrEqualTo(2L, "a quality report exists for destinations and forecasts");
    }

    private static readonly (double Lat, double Lon, int Nx, int Ny)[] KnownPoints =
    [
        (37.5665, 126.9780, 60, 127), (35.1796, 129.0756, 98, 76), (33.4996, 126.5312, 53, 38), (36.3504, 127.3845, 67, 100),
    ];

    private static async Task<long> ScalarAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<Dictionary<string, int>> SimulatorAreasAsync(SimulatorServer sim)
    {
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };
        var items = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(http, "_sim/dataset/items");
        return items.EnumerateArray().ToDictionary(i => i.GetProperty("contentid").GetString()!, i => int.Parse(i.GetProperty("areacode").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Per area: the count and an MD5 over "contentid:modifiedtime" in contentid order.</summary>
    private static Dictionary<int, string> HashPerArea(IReadOnlyDictionary<string, string> truth, IReadOnlyDictionary<string, int> areas) =>
        truth.GroupBy(t => areas[t.Key]).ToDictionary(
            g => g.Key,
            g => $"{g.Count()}:{Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(string.Join(',', g.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}:{t.Value}")))))}");

    private static async Task<Dictionary<int, string>> StoredHashPerAreaAsync(string database)
    {
        await using var db = NpgsqlDataSource.Create(database);
        await using var command = db.CreateCommand("""
            SELECT area_code, count(*),
                   md5(string_agg(content_id || ':' || to_char(modified_time AT TIME ZONE 'Asia/Seoul', 'YYYYMMDDHH24MISS'), ',' ORDER BY content_id COLLATE "C"))
            FROM destinations WHERE removed_at IS NULL GROUP BY area_code
            """);
        var stored = new Dictionary<int, string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stored[reader.GetInt32(0)] = $"{reader.GetInt64(1)}:{reader.GetString(2)}";
        }
        return stored;
    }
}
