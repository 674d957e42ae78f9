using System.Globalization;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.Housekeeping;

[Collection(PlatformCollection.Name)]
public sealed class WeatherExpiryTests(PostgresServerFixture postgres, RedisServerFixture redis)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 3, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task Weather_expiry_deletes_old_hours_and_superseded_issues_but_keeps_the_newest_issue_of_every_hour()
    {
        await using var host = await DatabaseJobHost.StartAsync(postgres, redis, Now, new Dictionary<string, string>
        {
            ["Housekeeping:WeatherExpiry:BatchSize"] = "25",
            ["Housekeeping:WeatherExpiry:KeepDays"] = "7",
            ["Housekeeping:WeatherExpiry:SupersededAfterHours"] = "24",
        });
        // Grid A: an issue wholly past retention, a day-old issue half covered by this morning's issue, and that issue.
        await host.Seed.ForecastAsync(60, 127, Now.AddDays(-10), Now.AddDays(-10), Now.AddDays(-8));
        await host.Seed.ForecastAsync(60, 127, Now.AddHours(-30), Now.AddHours(-30), Now.AddHours(30));
        await host.Seed.ForecastAsync(60, 127, Now.AddHours(-2), Now.AddHours(-2), Now.AddHours(60));
        // Grid B: the same day-old issue with nothing newer. Grid C: an overlap between two issues younger than a day.
        await host.Seed.ForecastAsync(98, 76, Now.AddHours(-30), Now.AddHours(-30), Now.AddHours(30));
        await host.Seed.ForecastAsync(55, 124, Now.AddHours(-20), Now.AddHours(-20), Now.AddHours(40));
        await host.Seed.ForecastAsync(55, 124, Now.AddHours(-1), Now.AddHours(-1), Now.AddHours(50));
        await host.Seed.ExecuteAsync("""
            INSERT INTO nowcasts (grid_nx, grid_ny, observed_at, t1h)
            SELECT 60, 127, h, 3.5 FROM generate_series($1::timestamptz, $2::timestamptz, interval '1 hour') AS h
            """, Now.AddDays(-9), Now);
        var newestBefore = await NewestIssuePerHourAsync(host);

        var result = await host.Jobs.RunAsync("weather-expiry");

        result.Status.ShouldBe(JobResult.Succeeded, result.Error);
        result.Counts["forecasts_past"].ShouldBe(49, "the ten-day-old issue's 49 hours are all older than 7 days");
        result.Counts["forecasts_superseded"].ShouldBe(33, "grid A's day-old issue loses the 33 hours the newer issue covers, from -2 h to +30 h");
        result.Counts["nowcasts_past"].ShouldBe(48, "observations from 9 to 7 days ago");
        result.Counts["forecasts_scanned"].ShouldBe(347, "one walk over every forecast row, in batches of 25");
        result.Counts["batches"].ShouldBe(14 + 2, "347 forecast rows take 14 batches of 25; 48 expired observations take 2");
        (await host.Seed.ScalarAsync<long>("SELECT count(*) FROM forecasts WHERE grid_nx = 98 AND grid_ny = 76")).ShouldBe(61,
            "grid A's newer issue does not supersede grid B's day-old one");
        (await host.Seed.ScalarAsync<long>("SELECT count(*) FROM forecasts WHERE grid_nx = 55 AND grid_ny = 124")).ShouldBe(61 + 52,
            "an issue younger than a day is kept even where a newer one covers it");
        (await host.Seed.ScalarAsync<long>("SELECT count(*) FROM forecasts WHERE grid_nx = 60 AND grid_ny = 127 AND base_at = $1", Now.AddHours(-30)))
            .ShouldBe(28, "the day-old issue keeps the hours nothing newer covers, -30 h to -3 h");
        (await NewestIssuePerHourAsync(host)).ShouldBe(newestBefore.Where(h => DateTimeOffset.Parse(h.Split(' ')[1], CultureInfo.InvariantCulture) >= Now.AddDays(-7)),
            "every hour inside the retention keeps its newest issue");

        var again = await host.Jobs.RunAsync("weather-expiry");

        (again.Counts["forecasts_past"], again.Counts["forecasts_superseded"], again.Counts["nowcasts_past"]).ShouldBe((0L, 0L, 0L), "nothing is left to delete");
    }

    /// <summary>"nx,ny forecast_at base_at" of the newest issue of every grid and hour, in order.</summary>
    private static async Task<List<string>> NewestIssuePerHourAsync(DatabaseJobHost host)
    {
        await using var command = host.Seed.DataSource.CreateCommand("""
            SELECT grid_nx, grid_ny, forecast_at, max(base_at) FROM forecasts GROUP BY grid_nx, grid_ny, forecast_at ORDER BY 1, 2, 3
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var newest = new List<string>();
        while (await reader.ReadAsync())
        {
            newest.Add($"{reader.GetInt32(0)},{reader.GetInt32(1)} {reader.GetFieldValue<DateTimeOffset>(2):O} {reader.GetFieldValue<DateTimeOffset>(3):O}");
        }
        return newest;
    }
}
