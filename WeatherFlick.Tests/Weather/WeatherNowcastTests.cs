using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Jobs.Collection.Kma;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.Weather;

[Collection(PlatformCollection.Name)]
public sealed class WeatherNowcastTests(PostgresServerFixture postgres, RedisServerFixture redis)
{
    private static DateTimeOffset Kst(int hour, int minute) => new(2026, 11, 22, hour, minute, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task Nowcast_stores_each_cells_latest_hourly_observation_once_per_hour()
    {
        // 10:05: the 10:00 observation is published at 10:10, so the latest is 09:00.
        await using var platform = await WeatherPlatform.StartAsync(postgres, redis, Kst(10, 5));
        var cells = await platform.LiveCellsAsync();

        var first = await platform.RunAsync("weather-nowcast");

        first.Status.ShouldBe(JobResult.Succeeded, first.Error);
        first.Counts["fell_back"].ShouldBe(0);
        first.Counts["inserted"].ShouldBe(cells.Count, "one observation per cell");
        (await platform.CellsAsync("SELECT grid_nx, grid_ny FROM nowcasts WHERE observed_at = $1", Kst(9, 0).ToUniversalTime()))
            .SetEquals(cells).ShouldBeTrue("every destination cell has the 09:00 observation");
        (await platform.ScalarAsync<long>("""
            SELECT count(*) FROM nowcasts n LEFT JOIN raw_responses r ON r.id = n.raw_response_id
            WHERE r.id IS NULL OR r.operation <> 'getUltraSrtNcst'
            """)).ShouldBe(0, "every row points at the archived getUltraSrtNcst answer it came from");
        foreach (var cell in cells.OrderBy(c => c.Nx).ThenBy(c => c.Ny).Where((_, i) => i % 60 == 0))
        {
            var stored = await StoredForecasts.NowcastsAsync(platform.Db, cell);
            var upstream = NowcastItems.ToRows(await platform.UpstreamItemsAsync("getUltraSrtNcst", Kst(9, 0), cell), null);
            StoredForecasts.Differences(stored, upstream, r => r.ObservedAt, r => r with { RawResponseId = null })
                .ShouldBeEmpty($"cell {cell}: the stored observation must equal the simulator's");
        }

        platform.SetTime(Kst(10, 8));
        var again = await platform.RunAsync("weather-nowcast");

        again.Counts["inserted"].ShouldBe(0, "still 09:00 at 10:08: nothing new");
        again.Counts["updated"].ShouldBe(0, "and nothing rewritten");

        platform.SetTime(Kst(10, 20));
        var next = await platform.RunAsync("weather-nowcast");

        next.Counts["inserted"].ShouldBe(cells.Count, "the 10:00 observation is out at 10:10: one new row per cell");
        (await platform.ScalarAsync<long>("SELECT count(DISTINCT observed_at) FROM nowcasts")).ShouldBe(2, "09:00 and 10:00, each once");
    }
}
