using WeatherFlick.Data.Weather;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Tests.Infrastructure;
using WeatherFlick.Tests.Weather;

namespace WeatherFlick.Tests.Recommendations;

[Collection(PlatformCollection.Name)]
public sealed class RecommendationsTests(PostgresServerFixture postgres, RedisServerFixture redis)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 30, 0, TimeSpan.FromHours(9));
    private static readonly DateOnly[] Days = [new(2026, 11, 22), new(2026, 11, 23), new(2026, 11, 24)];

    [Fact]
    public async Task Every_destination_with_a_forecast_gets_three_days_of_scores_within_the_level_thresholds()
    {
        await using var platform = await ForecastedAsync();
        var uncovered = (await platform.LiveCellsAsync()).OrderBy(c => c.Nx).ThenBy(c => c.Ny).First();
        await platform.ExecuteAsync("DELETE FROM forecasts WHERE grid_nx = $1 AND grid_ny = $2", uncovered.Nx, uncovered.Ny);

        var first = await platform.RunAsync("recommendations");

        first.Status.ShouldBe(JobResult.Succeeded, first.Error);
        var forecasted = await platform.ScalarAsync<long>("""
            SELECT count(*) FROM destinations d
            WHERE d.removed_at IS NULL AND EXISTS (SELECT 1 FROM forecasts f WHERE f.grid_nx = d.grid_nx AND f.grid_ny = d.grid_ny)
            """);
        forecasted.ShouldBeGreaterThan(500, "most of the 1,000 destinations have a forecast");
        first.Counts["items"].ShouldBe(forecasted * 3, "three days for every destination with a forecast");
        (await platform.ScalarAsync<long>("""
            SELECT count(*) FROM destinations d
            WHERE d.removed_at IS NULL AND EXISTS (SELECT 1 FROM forecasts f WHERE f.grid_nx = d.grid_nx AND f.grid_ny = d.grid_ny)
              AND (SELECT array_agg(r.day_kst ORDER BY r.day_kst) FROM recommendations r WHERE r.content_id = d.content_id) IS DISTINCT FROM $1
            """, Days)).ShouldBe(0, "each of them has today, tomorrow and the day after, once each");
        (await platform.ScalarAsync<long>("""
            SELECT count(*) FROM recommendations r JOIN destinations d USING (content_id) WHERE d.grid_nx = $1 AND d.grid_ny = $2
            """, uncovered.Nx, uncovered.Ny)).ShouldBe(0, $"destinations in {uncovered}, which has no forecast, get none");
        (await platform.ScalarAsync<long>("SELECT count(*) FROM recommendations")).ShouldBe(forecasted * 3, "and nothing else is stored");
        (await platform.ScalarAsync<long>("""
            SELECT count(*) FROM recommendations
            WHERE score < 0 OR score > 10 OR level <> CASE WHEN score >= 8.5 THEN 'excellent' WHEN score >= 7 THEN 'good' WHEN score >= 5 THEN 'fair' ELSE 'poor' END
            """)).ShouldBe(0, "scores lie in 0–10 and levels follow excellent ≥ 8.5, good ≥ 7, fair ≥ 5, poor");
        (await platform.ScalarAsync<long>("""
            SELECT count(*) FROM recommendations r JOIN destinations d USING (content_id)
            WHERE (d.content_type_id = 15 AND r.profile <> 'festival') OR (d.content_type_id = 25 AND r.profile <> 'walking')
               OR (d.content_type_id IN (14, 39) AND r.profile <> 'indoor') OR (d.content_type_id = 32 AND r.profile <> 'lodging')
            """)).ShouldBe(0, "festivals, courses, culture, restaurants and lodging are judged as what they are");
        (await platform.ScalarAsync<long>("SELECT count(*) FROM recommendations WHERE reason NOT LIKE '%: %에 %'")).ShouldBe(0,
            "every reason says the weather, then what it means for the activity");
        (await platform.ScalarAsync<long>("SELECT count(DISTINCT level) FROM recommendations")).ShouldBeGreaterThan(1,
            "a catalog of many activities over three days is not judged all alike");

        var second = await platform.RunAsync("recommendations");

        second.Status.ShouldBe(JobResult.Succeeded, second.Error);
        (second.Counts["inserted"], second.Counts["updated"], second.Counts["removed"]).ShouldBe((0L, 0L, 0L), "the same forecasts give the same scores");
    }

    [Fact]
    public async Task A_destination_that_leaves_the_catalog_or_loses_its_forecast_loses_its_recommendations()
    {
        await using var platform = await ForecastedAsync();
        var before = await platform.RunAsync("recommendations");
        before.Status.ShouldBe(JobResult.Succeeded, before.Error);
        var removed = await platform.ScalarAsync<string>("SELECT min(content_id) FROM recommendations");
        await platform.ExecuteAsync("UPDATE destinations SET removed_at = now() WHERE content_id = $1", removed);
        var cell = (await platform.CellsAsync("""
            SELECT grid_nx, grid_ny FROM destinations WHERE removed_at IS NULL AND content_id <> $1 ORDER BY content_id DESC LIMIT 1
            """, removed)).Single();
        var inCell = await platform.ScalarAsync<long>(
            "SELECT count(*) FROM destinations WHERE removed_at IS NULL AND grid_nx = $1 AND grid_ny = $2", cell.Nx, cell.Ny);
        await platform.ExecuteAsync("DELETE FROM forecasts WHERE grid_nx = $1 AND grid_ny = $2", cell.Nx, cell.Ny);

        var after = await platform.RunAsync("recommendations");

        after.Status.ShouldBe(JobResult.Succeeded, after.Error);
        after.Counts["removed"].ShouldBe(3 * (1 + inCell), "three days of the removed destination and of each destination in the cell without forecast");
        (await platform.ScalarAsync<long>("SELECT count(*) FROM recommendations WHERE content_id = $1", removed)).ShouldBe(0, "a removed destination is not recommended");
        (await platform.ScalarAsync<long>("""
            SELECT count(*) FROM recommendations r JOIN destinations d USING (content_id) WHERE d.grid_nx = $1 AND d.grid_ny = $2
            """, cell.Nx, cell.Ny)).ShouldBe(0, $"nor is anything in {cell}, whose forecast is gone");
        (after.Counts["inserted"], after.Counts["updated"]).ShouldBe((0L, 0L), "everyone else keeps the same scores");
    }

    /// <summary>The catalog collected and forecast at 10:30 KST (the 08:00 issue, which covers today 09:00 to day +2 and beyond).</summary>
    private async Task<WeatherPlatform> ForecastedAsync()
    {
        var platform = await WeatherPlatform.StartAsync(postgres, redis, Now);
        var forecast = await platform.RunAsync("weather-forecast");
        forecast.Status.ShouldBe(JobResult.Succeeded, $"recommendations need forecasts: {forecast.Error}");
        return platform;
    }
}
