using System.Text;
using Microsoft.AspNetCore.Http;
using WeatherFlick.Data.Weather;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Jobs.Collection.Kma;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.Weather;

[Collection(PlatformCollection.Name)]
public sealed class WeatherForecastTests(PostgresServerFixture postgres, RedisServerFixture redis)
{
    private static DateTimeOffset Kst(int day, int hour, int minute) => new(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task Forecast_covers_every_destination_grid_at_the_latest_issue_and_a_second_run_changes_nothing()
    {
        await using var platform = await WeatherPlatform.StartAsync(postgres, redis, Kst(22, 10, 30));
        var issue = Kst(22, 8, 0);

        var first = await platform.RunAsync("weather-forecast");

        first.Status.ShouldBe(JobResult.Succeeded, first.Error);
        first.Counts["fell_back"].ShouldBe(0, "the 08:00 issue is published at 08:10, long before 10:30");
        var cells = await platform.LiveCellsAsync();
        cells.Count.ShouldBeGreaterThan(100, "1,000 destinations spread over many cells");
        var covered = await platform.CellsAsync("SELECT DISTINCT grid_nx, grid_ny FROM forecasts WHERE base_at = $1", issue.ToUniversalTime());
        covered.SetEquals(cells).ShouldBeTrue(
            $"every live destination's cell, and only those, has the 08:00 issue; missing {string.Join(" ", cells.Except(covered).Take(5))}, extra {string.Join(" ", covered.Except(cells).Take(5))}");
        (await platform.ScalarAsync<long>("SELECT count(*) FROM forecasts WHERE base_at <> $1", issue.ToUniversalTime())).ShouldBe(0, "only the latest issue is collected");
        (await platform.ScalarAsync<long>("""
            SELECT count(*) FROM forecasts f LEFT JOIN raw_responses r ON r.id = f.raw_response_id
            WHERE r.id IS NULL OR r.operation <> 'getVilageFcst'
            """)).ShouldBe(0, "every row points at the archived getVilageFcst answer it came from");
        (await PagesOffTotalCountAsync(platform, first.RunId!.Value)).ShouldBe(0, "every cell read exactly the pages its totalCount spans");
        foreach (var cell in cells.OrderBy(c => c.Nx).ThenBy(c => c.Ny).Where((_, i) => i % 40 == 0))
        {
            var stored = await StoredForecasts.ForecastsAsync(platform.Db, cell, issue);
            var upstream = ForecastItems.ToRows(await platform.UpstreamItemsAsync("getVilageFcst", issue, cell), null);
            var differences = StoredForecasts.Differences(stored, upstream, r => r.ForecastAt, r => r with { RawResponseId = null });
            differences.ShouldBeEmpty($"cell {cell}: the stored hours must equal the simulator's whole answer read at once");
        }

        var second = await platform.RunAsync("weather-forecast");

        second.Status.ShouldBe(JobResult.Succeeded, second.Error);
        second.Counts["inserted"].ShouldBe(0, "the same issue again adds no row");
        second.Counts["updated"].ShouldBe(0, "the same issue again rewrites no row");
        second.Counts["items"].ShouldBe(first.Counts["items"], "the second run read the same hours");
    }

    [Fact]
    public async Task Early_morning_run_collects_the_previous_days_2300_issue()
    {
        await using var platform = await WeatherPlatform.StartAsync(postgres, redis, Kst(22, 1, 30));

        var result = await platform.RunAsync("weather-forecast");

        result.Status.ShouldBe(JobResult.Succeeded, result.Error);
        result.Counts["fell_back"].ShouldBe(0, "yesterday's 23:00 issue is the latest published one at 01:30, not a fallback");
        var issues = await platform.ScalarAsync<long>("SELECT count(DISTINCT base_at) FROM forecasts");
        issues.ShouldBe(1, "one issue for every cell");
        (await platform.ScalarAsync<DateTime>("SELECT min(base_at) FROM forecasts")).ShouldBe(Kst(21, 23, 0).UtcDateTime,
            "before 02:10 KST the latest issue is the previous day's 23:00");
        var covered = await platform.CellsAsync("SELECT DISTINCT grid_nx, grid_ny FROM forecasts");
        covered.SetEquals(await platform.LiveCellsAsync()).ShouldBeTrue("every destination cell has the 23:00 issue");
        (await platform.ScalarAsync<long>("SELECT count(*) FROM raw_responses WHERE operation = 'getVilageFcst' AND outcome <> 'data'"))
            .ShouldBe(0, "no call asked for an issue that is not out");
        (await platform.ScalarAsync<long>("SELECT count(*) FROM run_partitions WHERE run_id = $1 AND pages_done <> 2", result.RunId!.Value)).ShouldBe(0,
            "a 23:00 issue runs a day further than a morning one, past 1,000 rows: every cell needs a second page");
        (await PagesOffTotalCountAsync(platform, result.RunId!.Value)).ShouldBe(0, "and no more pages than its totalCount spans");
    }

    [Fact]
    public async Task Unpublished_issue_falls_back_to_the_previous_issue_once()
    {
        // The simulator publishes 40 minutes after the issue time, later than the 10 minutes the client expects.
        await using var platform = await WeatherPlatform.StartAsync(postgres, redis, Kst(22, 5, 20), o => o.Kma.VilagePublishDelayMinutes = 40);
        var cells = await platform.LiveCellsAsync();

        var result = await platform.RunAsync("weather-forecast");

        result.Status.ShouldBe(JobResult.Succeeded, result.Error);
        result.Counts["fell_back"].ShouldBe(cells.Count, "at 05:20 the 05:00 issue is not out anywhere");
        (await platform.CellsAsync("SELECT DISTINCT grid_nx, grid_ny FROM forecasts WHERE base_at = $1", Kst(22, 2, 0).ToUniversalTime()))
            .SetEquals(cells).ShouldBeTrue("every cell has the 02:00 issue instead");
        (await platform.ScalarAsync<long>("SELECT count(*) FROM forecasts WHERE base_at <> $1", Kst(22, 2, 0).ToUniversalTime())).ShouldBe(0);
        (await platform.ScalarAsync<long>("SELECT count(*) FROM raw_responses WHERE operation = 'getVilageFcst' AND outcome = 'no_data'"))
            .ShouldBe(cells.Count, "each cell asked for the unpublished issue once, then moved on");
        (await platform.ScalarAsync<long>("SELECT count(*) FROM raw_responses WHERE operation = 'getVilageFcst' AND outcome = 'no_data' AND request NOT LIKE '%base_time=0500%'"))
            .ShouldBe(0, "the NO_DATA answers were for the 05:00 issue");

        platform.SetTime(Kst(22, 5, 45));
        var later = await platform.RunAsync("weather-forecast");

        later.Counts["fell_back"].ShouldBe(0, "once 05:00 is out, nothing falls back");
        (await platform.CellsAsync("SELECT DISTINCT grid_nx, grid_ny FROM forecasts WHERE base_at = $1", Kst(22, 5, 0).ToUniversalTime()))
            .SetEquals(cells).ShouldBeTrue("the next run collects the 05:00 issue beside the 02:00 one");
    }

    [Fact]
    public async Task Hours_cut_between_pages_are_stored_whole_also_when_a_run_resumes_mid_cell()
    {
        // 100 rows a page cut most hours (12–14 categories each) in two; Parallelism 1 makes the cut-off point one cell.
        await using var platform = await WeatherPlatform.StartAsync(postgres, redis, Kst(22, 10, 30),
            settings: new Dictionary<string, string> { ["Collection:Weather:ForecastPageSize"] = "100", ["Collection:Weather:Parallelism"] = "1" },
            collectCatalog: false);
        GridCell[] cells = [new(60, 127), new(98, 76)];
        await DestinationsAtAsync(platform, cells);
        var issue = Kst(22, 8, 0);
        using var crash = new CancellationTokenSource();

        await Should.ThrowAsync<OperationCanceledException>(() =>
            platform.RunAsync("weather-forecast", new JobContext("test", new CancelAfterPages(crash, pages: 4)), crash.Token));
        (await platform.ScalarAsync<long>("SELECT count(*) FROM run_partitions WHERE status <> 'done' AND next_page > 1 AND jsonb_array_length(checkpoint -> 'Carry') > 0"))
            .ShouldBe(1, "the run stopped inside a cell, with the items of a cut hour in its checkpoint");
        var resumed = await platform.RunAsync("weather-forecast");

        resumed.Status.ShouldBe(JobResult.Succeeded, resumed.Error);
        (await platform.ScalarAsync<long>("SELECT count(*) FROM collection_runs WHERE job = 'weather-forecast'")).ShouldBe(1, "the second start resumed the stopped run");
        (await PagesOffTotalCountAsync(platform, resumed.RunId!.Value, pageSize: 100)).ShouldBe(0, "each page was committed once, resumed or not");
        foreach (var cell in cells)
        {
            var stored = await StoredForecasts.ForecastsAsync(platform.Db, cell, issue);
            var upstream = ForecastItems.ToRows(await platform.UpstreamItemsAsync("getVilageFcst", issue, cell), null);
            StoredForecasts.Differences(stored, upstream, r => r.ForecastAt, r => r with { RawResponseId = null })
                .ShouldBeEmpty($"cell {cell}: hours split over two pages, and across the resume, must be stored whole");
        }
    }

    [Fact]
    public async Task Cell_fails_naming_both_issues_when_neither_is_published()
    {
        await using var upstream = await ScriptedHttpServer.StartAsync((context, _) =>
        {
            context.Response.ContentType = "application/json;charset=UTF-8";
            return context.Response.WriteAsync("""{"response":{"header":{"resultCode":"03","resultMsg":"NO_DATA"}}}""", Encoding.UTF8);
        });
        await using var platform = await WeatherPlatform.StartAsync(postgres, redis, Kst(22, 10, 30),
            settings: new Dictionary<string, string> { ["Providers:Kma:BaseUrl"] = new Uri(upstream.BaseAddress, "1360000/VilageFcstInfoService_2.0").ToString() },
            collectCatalog: false);
        await DestinationsAtAsync(platform, [new GridCell(60, 127)]);

        var result = await platform.RunAsync("weather-forecast");

        result.Status.ShouldBe(JobResult.Failed, "a cell without any published issue cannot be collected");
        result.Error.ShouldNotBeNull();
        result.Error.ShouldContain("20261122 0800", customMessage: "the error names the issue asked first");
        result.Error.ShouldContain("20261122 0500", customMessage: "and the one it fell back to");
        upstream.Requests.ShouldBe(2, "the latest issue once, the previous one once, nothing more");
    }

    /// <summary>Live destinations in exactly these cells, without collecting a catalog.</summary>
    internal static async Task DestinationsAtAsync(WeatherPlatform platform, IReadOnlyList<GridCell> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            await platform.ExecuteAsync("INSERT INTO destinations (content_id, content_type_id, title, grid_nx, grid_ny) VALUES ($1, 12, $2, $3, $4)",
                $"test-{i}", $"destination {i}", cells[i].Nx, cells[i].Ny);
        }
    }

    /// <summary>Cells of a run whose pages read differ from what their totalCount spans at <paramref name="pageSize"/> rows a page.</summary>
    private static Task<long> PagesOffTotalCountAsync(WeatherPlatform platform, long runId, int pageSize = 1000) => platform.ScalarAsync<long>(
        "SELECT count(*) FROM run_partitions WHERE run_id = $1 AND (total_count IS NULL OR pages_done <> ceil(total_count / $2::numeric))", runId, pageSize);
}
