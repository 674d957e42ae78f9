using System.Text.Json;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Simulator.Hosting;
using WeatherFlick.Tests.Alerts;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.Quality;

[Collection(PlatformCollection.Name)]
public sealed class QualityReportTests(PostgresServerFixture postgres, RedisServerFixture redis)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 6, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task Each_destination_rule_counts_its_rows_names_them_and_the_score_is_the_share_of_clean_rows()
    {
        await using var host = await DatabaseJobHost.StartAsync(postgres, redis, Now);
        await host.Seed.DestinationsAsync([.. Enumerable.Range(100, 20).Select(i => new SeedDestination($"{i}"))]);
        await host.Seed.DestinationsAsync(
            new SeedDestination("200") { Latitude = null, Longitude = null, GridNx = null, GridNy = null },
            new SeedDestination("201") { Latitude = 35.0, Longitude = 140.0, GridNx = null, GridNy = null },
            new SeedDestination("202") { Latitude = 0, Longitude = 0, GridNx = null, GridNy = null },
            // Pyongyang: on the KMA grid, which reaches north, but not in South Korea.
            new SeedDestination("203") { Latitude = 39.03, Longitude = 125.75, GridNx = 56, GridNy = 150 },
            new SeedDestination("204") { Addr1 = null },
            new SeedDestination("205") { Addr1 = "   " },
            new SeedDestination("206") { FirstImage = null },
            new SeedDestination("207") { FirstImage = "", Addr1 = null },
            new SeedDestination("208") { Title = "Gyeongbokgung", Addr1 = "161 Sajik-ro, Jongno-gu, Seoul" },
            new SeedDestination("209") { Title = " gyeongbokgung", Addr1 = "161 Sajik-ro, Jongno-gu, Seoul " },
            new SeedDestination("210") { UpdatedAt = Now.AddDays(-30) },
            // Its archived answer has expired: expected, not a finding.
            new SeedDestination("211") { RawResponseId = 987654 },
            // Removed from the catalog: not served, not checked.
            new SeedDestination("212") { Latitude = null, Longitude = null, FirstImage = null, RemovedAt = Now.AddDays(-1) },
            // Same title as 208 without an address: the missing address is the finding, not a duplicate.
            new SeedDestination("213") { Title = "Gyeongbokgung", Addr1 = null });

        var result = await host.Jobs.RunAsync("quality");

        result.Status.ShouldBe(JobResult.Succeeded, result.Error);
        var report = await ReportAsync(host, "destinations");
        report.RowsChecked.ShouldBe(33, "20 healthy and 13 planted live rows; the removed one is not checked");
        report.ShouldHaveFinding("coordinates_missing", "200");
        report.ShouldHaveFinding("coordinates_outside_korea", "201", "202", "203");
        report.ShouldHaveFinding("address_missing", "204", "205", "207", "213");
        report.ShouldHaveFinding("image_missing", "206", "207");
        report.ShouldHaveFinding("duplicate_title_address", "208", "209");
        report.ShouldHaveFinding("stale", "210");
        // 12 rows have findings (207 has two, counted once): 21 of 33 are clean.
        report.Score.ShouldBe(63.63m, "100 × 21 / 33, cut to two decimals");
        result.Counts["destinations_rows"].ShouldBe(33);
        result.Counts["destinations_score"].ShouldBe(63);
        (await host.Seed.ScalarAsync<string>("SELECT status FROM collection_runs WHERE job = 'quality'")).ShouldBe("succeeded", "the check is recorded as a run");
    }

    [Fact]
    public async Task A_row_is_confirmed_only_by_a_recent_clean_full_sync_partition_of_its_area_and_type()
    {
        await using var host = await DatabaseJobHost.StartAsync(postgres, redis, Now);
        var old = Now.AddDays(-30);
        await host.Seed.DestinationsAsync(
            new SeedDestination("300") { AreaCode = 1, ContentTypeId = 12, UpdatedAt = old },
            new SeedDestination("301") { AreaCode = 2, ContentTypeId = 14, UpdatedAt = old },
            new SeedDestination("302") { AreaCode = 3, ContentTypeId = 12, UpdatedAt = old },
            new SeedDestination("303") { AreaCode = 4, ContentTypeId = 12, UpdatedAt = old },
            new SeedDestination("304") { AreaCode = 1, ContentTypeId = 14, UpdatedAt = old });
        await host.Seed.RunAsync("tourism-full", "succeeded", Now.AddDays(-2), partitions:
        [
            ("area=1/type=12", "done", []),
            ("area=2/type=14", "done", ["area=2/type=14: page 3 repeats page 2"]),
            ("area=1/type=14", "failed", []),
        ]);
        await host.Seed.RunAsync("tourism-full", "succeeded", Now.AddDays(-20), partitions: [("area=3/type=12", "done", [])]);
        await host.Seed.RunAsync("tourism-incremental", "succeeded", Now.AddDays(-1), partitions: [("area=4/type=12", "done", [])]);

        await host.Jobs.RunAsync("quality");

        var report = await ReportAsync(host, "destinations");
        // 300: confirmed 2 days ago. 301: its partition had a paging violation, so absence was not proven.
        // 302: confirmed too long ago. 303: an incremental sync sees changes only. 304: its partition failed.
        report.ShouldHaveFinding("stale", "301", "302", "303", "304");
    }

    [Fact]
    public async Task Forecast_gaps_missing_grids_and_implausible_values_are_counted_per_grid_and_hour_of_the_latest_issue()
    {
        await using var host = await DatabaseJobHost.StartAsync(postgres, redis, Now);
        await host.Seed.DestinationsAsync(
            new SeedDestination("400") { GridNx = 60, GridNy = 127 },
            new SeedDestination("401") { GridNx = 98, GridNy = 76 },
            new SeedDestination("402") { GridNx = 98, GridNy = 76 },
            new SeedDestination("403") { GridNx = 55, GridNy = 124 },
            new SeedDestination("404") { GridNx = 1, GridNy = 1, RemovedAt = Now.AddDays(-1) },
            new SeedDestination("405") { Latitude = null, Longitude = null, GridNx = null, GridNy = null });
        var issue = Now.AddHours(-1);
        await host.Seed.ForecastAsync(60, 127, issue, issue.AddHours(1), issue.AddDays(4));
        await host.Seed.ForecastAsync(98, 76, issue.AddHours(-3), issue.AddHours(-2), issue.AddDays(3));
        await host.Seed.ForecastAsync(98, 76, issue, issue.AddHours(1), issue.AddDays(3));
        await host.Seed.ExecuteAsync("DELETE FROM forecasts WHERE grid_nx = 98 AND base_at = $1 AND forecast_at = ANY($2)",
            issue, new[] { Now.AddHours(6), Now.AddHours(7) });
        await host.Seed.ExecuteAsync("UPDATE forecasts SET tmp = 99, reh = 140 WHERE grid_nx = 98 AND base_at = $1 AND forecast_at = $2", issue, Now.AddHours(9));
        await host.Seed.ExecuteAsync("UPDATE forecasts SET wsd = -3 WHERE grid_nx = 98 AND base_at = $1 AND forecast_at = $2", issue, Now.AddHours(12));

        await host.Jobs.RunAsync("quality");

        var report = await ReportAsync(host, "forecasts");
        report.RowsChecked.ShouldBe(3 * 48, "three live grid cells × the next 48 hours");
        report.ShouldHaveFinding("grid_missing", "55,124");
        report.ShouldHaveFinding("hour_gap", "98,76@2026-11-22T12:00+09:00", "98,76@2026-11-22T13:00+09:00");
        report.ShouldHaveFinding("value_out_of_range", "98,76@2026-11-22T15:00+09:00 tmp=99 reh=140", "98,76@2026-11-22T18:00+09:00 wsd=-3");
        // The missing grid's 48 slots, 2 holes and 2 implausible slots: 92 of 144 are clean.
        report.Score.ShouldBe(63.88m, "100 × 92 / 144, cut to two decimals");
    }

    [Fact]
    public async Task Paging_violations_of_recent_runs_are_counted_per_partition_and_older_runs_are_left_out()
    {
        await using var host = await DatabaseJobHost.StartAsync(postgres, redis, Now);
        var catalog = await host.Seed.RunAsync("tourism-full", "succeeded", Now.AddDays(-1), partitions:
        [
            ("area=1/type=12", "done", []),
            ("area=1/type=14", "done", ["area=1/type=14: page 3 repeats page 2"]),
            ("area=2/type=12", "pending", []),
        ]);
        var weather = await host.Seed.RunAsync("weather-forecast", "succeeded", Now.AddHours(-2), partitions:
        [
            ("grid=60,127", "done", []),
            ("grid=98,76", "done", ["grid=98,76: totalCount changed from 290 to 300 at page 2", "grid=98,76: page 3 is empty"]),
        ]);
        await host.Seed.RunAsync("tourism-full", "succeeded", Now.AddDays(-10), partitions: [("area=3/type=12", "done", ["area=3/type=12: page 2 is empty"])]);

        await host.Jobs.RunAsync("quality");

        var report = await ReportAsync(host, "run_partitions");
        report.RowsChecked.ShouldBe(4, "the partitions that paged in the last 7 days");
        report.ShouldHaveFinding("paging_violation",
            $"run {weather} grid=98,76: totalCount changed from 290 to 300 at page 2", $"run {catalog} area=1/type=14: page 3 repeats page 2");
        report.Score.ShouldBe(50m);
    }

    [Fact]
    public async Task A_table_below_its_minimum_score_raises_a_quality_alert_with_its_findings()
    {
        await using var webhook = await WebhookReceiver.StartAsync();
        await using var host = await DatabaseJobHost.StartAsync(postgres, redis, Now, new Dictionary<string, string>
        {
            ["Alerts:WebhookUrl"] = webhook.Url,
            ["Quality:DestinationsMinimumScore"] = "90",
        });
        await host.Seed.DestinationsAsync([.. Enumerable.Range(1, 10).Select(i => new SeedDestination($"{500 + i}") { FirstImage = i <= 2 ? null : "http://img/x.jpg" })]);
        await host.Seed.ForecastAsync(60, 127, Now.AddHours(-1), Now, Now.AddDays(3));

        var result = await host.Jobs.RunAsync("quality");

        result.Counts["alerts"].ShouldBe(1, "destinations score 80, below 90; forecasts and paging are clean");
        var message = webhook.Delivered.ShouldHaveSingleItem("one alert for the one table below its minimum").Text;
        message.ShouldContain("Data quality of destinations is 80", customMessage: message);
        message.ShouldContain("below its minimum 90", customMessage: message);
        message.ShouldContain("image_missing 2 (e.g. 501, 502)", customMessage: "the alert names the rule, its count and examples");
    }

    [Fact]
    public async Task Quality_report_over_a_catalog_collected_from_the_simulator_matches_the_stored_rows()
    {
        await using var sim = await SimulatorServer.StartAsync(o =>
        {
            o.Size = 1000;
            o.RatePerSecond = 0;
            o.StartTime = Now;
            o.FreezeClock = true;
        });
        await using var jobs = await JobServer.StartAsync(sim, await postgres.CreateDatabaseAsync("quality"), redis.ConnectionString);
        (await jobs.RunAsync("tourism-full")).Status.ShouldBe(JobResult.Succeeded);

        var result = await jobs.RunAsync("quality");

        result.Status.ShouldBe(JobResult.Succeeded, result.Error);
        await using var seed = new DatabaseSeed(jobs.Database, TimeProvider.System);
        var report = await ReportAsync(seed, "destinations");
        var stored = await seed.ScalarAsync<long>("SELECT count(*) FROM destinations WHERE removed_at IS NULL");
        var withoutImage = await seed.ScalarAsync<long>("SELECT count(*) FROM destinations WHERE removed_at IS NULL AND NULLIF(first_image, '') IS NULL");
        report.RowsChecked.ShouldBe(stored, "every live destination is checked");
        report.Findings["image_missing"].Count.ShouldBe(withoutImage, "the simulator sends firstimage \"\" for destinations without one");
        ((double)withoutImage / stored).ShouldBeInRange(0.15, 0.35, "about a quarter of the simulator's destinations have no image");
        report.Findings["stale"].Count.ShouldBe(0, "the full sync just confirmed every row");
        report.Findings["coordinates_missing"].Count.ShouldBe(0, "the simulator places every destination");
        report.Findings["coordinates_outside_korea"].Count.ShouldBe(0, "the simulator places them in South Korea");
        var paging = await ReportAsync(seed, "run_partitions");
        paging.RowsChecked.ShouldBe(17 * 8, "the full sync's partitions");
        paging.Score.ShouldBe(100m, "the simulator pages consistently");
        var forecasts = await ReportAsync(seed, "forecasts");
        forecasts.Findings["grid_missing"].Count.ShouldBe(await seed.ScalarAsync<long>(
            "SELECT count(DISTINCT (grid_nx, grid_ny)) FROM destinations WHERE removed_at IS NULL AND grid_nx IS NOT NULL"), "no forecast was collected for any grid");
        forecasts.Score.ShouldBe(0m);
    }

    private static async Task<StoredReport> ReportAsync(DatabaseJobHost host, string table) => await ReportAsync(host.Seed, table);

    private static async Task<StoredReport> ReportAsync(DatabaseSeed seed, string table)
    {
        await using var command = seed.DataSource.CreateCommand(
            "SELECT score, rows_checked, findings::text FROM quality_reports WHERE table_name = $1 ORDER BY id DESC LIMIT 1");
        command.Parameters.Add(new() { Value = table });
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue($"no quality report for {table}");
        using var findings = JsonDocument.Parse(reader.GetString(2));
        return new StoredReport(reader.GetDecimal(0), reader.GetInt64(1), findings.RootElement.EnumerateObject().ToDictionary(
            f => f.Name,
            f => (f.Value.GetProperty("count").GetInt64(), (IReadOnlyList<string>)[.. f.Value.GetProperty("examples").EnumerateArray().Select(e => e.GetString()!)])));
    }
}
