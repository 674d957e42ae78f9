using System.Globalization;
using WeatherFlick.Data.Time;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Tests.Infrastructure;
using WeatherFlick.Tests.Simulator;
using static WeatherFlick.Tests.Details.DetailScenario;

namespace WeatherFlick.Tests.Details;

/// <summary>
/// The details job under a daily quota too small for the catalog: 3 simulator keys × 30 calls per operation. The
/// catalog is synced first with the default quota; then the simulator's KTO quota drops to 30 and the job server
/// that runs details is told so (except where the test is that it was not told).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DetailQuotaTests(PostgresServerFixture postgres, RedisServerFixture redis)
{
    private const int Quota = 30;
    private const int Reserve = 10;

    private readonly DetailScenario _scenario = new(postgres, redis);

    [Fact]
    public async Task A_small_quota_buys_exactly_the_plan_keeps_the_reserve_and_the_next_KST_day_continues()
    {
        await using var sim = await StartQuotaSimulatorAsync();
        using var api = new SimApi(sim);
        var database = await QuotaCatalogAsync(sim, api);
        var clock = new ManualClock(Start);
        await using var jobs = await _scenario.DetailJobsAsync(sim, database, Settings(Quota), clock);
        var plan = sim.Options.Keys.Count * Quota - Reserve;
        var newestFirst = (await LiveAsync(database)).OrderByDescending(d => d.Modified).ThenBy(d => d.ContentId, StringComparer.Ordinal)
            .Select(d => d.ContentId).ToList();

        var first = await jobs.RunAsync("details");

        first.Status.ShouldBe(JobResult.Succeeded, $"running out of today's budget is a plan, not a failure: {first.Error}");
        first.Counts["planned"].ShouldBe(plan, $"{sim.Options.Keys.Count} keys × {Quota} calls − reserve {Reserve}");
        first.Counts["done"].ShouldBe(plan, "every planned destination is fetched");
        first.Counts["remaining"].ShouldBe(newestFirst.Count - plan, "the rest is reported as left to do");
        first.Counts["skipped_for_quota"].ShouldBe(newestFirst.Count - plan, "and as skipped for lack of quota, not for any failure");
        (await DetailedAsync(database)).ShouldBe(newestFirst.Take(plan).ToHashSet(), ignoreOrder: true, "without weights the newest-modified destinations go first");
        await AssertDayAsync(api, database, Start, plan);

        await api.AdvanceClockAsync(TimeSpan.FromDays(1));
        clock.Advance(TimeSpan.FromDays(1));
        var second = await jobs.RunAsync("details");

        second.Status.ShouldBe(JobResult.Succeeded, second.Error);
        second.Counts["done"].ShouldBe(plan, "after 00:00 KST the quota is back and the next part of the backlog is fetched");
        (await DetailedAsync(database)).ShouldBe(newestFirst.Take(2 * plan).ToHashSet(), ignoreOrder: true,
            "the second day continues where the first stopped, refetching nothing");
        await AssertDayAsync(api, database, Start.AddDays(1), plan);
    }

    [Fact]
    public async Task Area_and_content_type_weights_decide_what_the_quota_buys_first()
    {
        await using var sim = await StartQuotaSimulatorAsync();
        using var api = new SimApi(sim);
        var database = await QuotaCatalogAsync(sim, api);
        // Jeju counts 4, sights 3 and restaurants 0 (last): a Jeju sight weighs 12, a Jeju restaurant 0.
        var areaWeights = new Dictionary<int, double> { [39] = 4 };
        var typeWeights = new Dictionary<int, double> { [12] = 3, [39] = 0 };
        var settings = new Dictionary<string, string>(Settings(Quota))
        {
            ["Collection:Details:AreaWeights:39"] = "4",
            ["Collection:Details:ContentTypeWeights:12"] = "3",
            ["Collection:Details:ContentTypeWeights:39"] = "0",
        };
        await using var jobs = await _scenario.DetailJobsAsync(sim, database, settings, new ManualClock(Start));
        var plan = sim.Options.Keys.Count * Quota - Reserve;
        var live = await LiveAsync(database);
        double Weight((string ContentId, int Area, int Type, DateTime Modified) d) => areaWeights.GetValueOrDefault(d.Area, 1) * typeWeights.GetValueOrDefault(d.Type, 1);
        var expected = live.OrderByDescending(Weight).ThenByDescending(d => d.Modified).ThenBy(d => d.ContentId, StringComparer.Ordinal).Take(plan).ToList();

        var result = await jobs.RunAsync("details");

        result.Counts["done"].ShouldBe(plan, result.Error);
        (await DetailedAsync(database)).ShouldBe(expected.Select(d => d.ContentId).ToHashSet(), ignoreOrder: true,
            "the quota goes to the heaviest area × content type first, newest-modified first within a weight");
        var unweighted = live.OrderByDescending(d => d.Modified).ThenBy(d => d.ContentId, StringComparer.Ordinal).Take(plan).Select(d => d.ContentId);
        expected.Select(d => d.ContentId).Except(unweighted).ShouldNotBeEmpty("the weights must choose differently from newest-first, or this test proves nothing");
    }

    [Fact]
    public async Task When_the_upstream_quota_is_smaller_than_configured_the_run_waits_for_quota_and_resumes_after_midnight_KST()
    {
        await using var sim = await StartQuotaSimulatorAsync();
        using var api = new SimApi(sim);
        var database = await QuotaCatalogAsync(sim, api);
        var clock = new ManualClock(Start);
        // The job server believes in the default 1,000 calls a key; the simulator allows 30.
        await using var jobs = await _scenario.DetailJobsAsync(sim, database, new Dictionary<string, string> { ["Collection:Details:ReservePerOperation"] = "0" }, clock);
        var accepted = sim.Options.Keys.Count * Quota;

        var first = await jobs.RunAsync("details");

        first.Status.ShouldBe(JobResult.WaitingForQuota, $"spent keys are a pause, not a failure: {first.Error}");
        first.ResumeAt.ShouldBe(KoreaTime.NextMidnight(Start), "quota returns at 00:00 KST");
        first.Counts["done"].ShouldBe(accepted, "every call the upstream accepted went into a stored destination");
        (await DetailedAsync(database)).Count.ShouldBe(accepted, "nothing fetched was lost");
        (await QuotaRejectionsAsync(api)).ShouldBeLessThanOrEqualTo(sim.Options.Keys.Count * 8,
            "once a key is reported spent it is not asked again: at most each key once per parallel worker");
        (await ScalarAsync(database, "SELECT count(*) FROM collection_runs WHERE job = 'details' AND status = 'waiting_for_quota' AND resume_at IS NOT NULL"))
            .ShouldBe(1, "the run is parked with the time it can resume");

        await api.AdvanceClockAsync(TimeSpan.FromDays(1));
        clock.Advance(TimeSpan.FromDays(1));
        var second = await jobs.RunAsync("details");

        second.RunId.ShouldBe(first.RunId, "the parked run is resumed, not replaced");
        second.Counts["done"].ShouldBe(accepted, "the next day's quota goes to the destinations still missing");
        (await DetailedAsync(database)).Count.ShouldBe(2 * accepted, "the second day adds to the first");
    }

    [Fact]
    public async Task A_cancelled_run_resumes_with_what_is_still_missing_and_repeats_at_most_the_destinations_in_flight()
    {
        const int parallelism = 4;
        await using var sim = await StartQuotaSimulatorAsync();
        using var api = new SimApi(sim);
        var database = await QuotaCatalogAsync(sim, api);
        var settings = new Dictionary<string, string>(Settings(Quota)) { ["Collection:Details:Parallelism"] = parallelism.ToString(CultureInfo.InvariantCulture) };
        await using var jobs = await _scenario.DetailJobsAsync(sim, database, settings, new ManualClock(Start));
        var plan = sim.Options.Keys.Count * Quota - Reserve;
        using var stop = new CancellationTokenSource();
        var progress = new Reported(p =>
        {
            if (p.Items >= 20)
            {
                stop.Cancel();
            }
        });

        var cancelled = await Record.ExceptionAsync(() => jobs.Jobs.Find("details")!.RunAsync(new JobContext("test", progress), stop.Token));
        var resumed = await jobs.RunAsync("details");

        cancelled.ShouldBeAssignableTo<OperationCanceledException>("the first run must have been stopped mid-way");
        resumed.Status.ShouldBe(JobResult.Succeeded, resumed.Error);
        (await ScalarAsync(database, "SELECT count(*) FROM collection_runs WHERE job = 'details'")).ShouldBe(1, "the interrupted run is resumed, not replaced");
        var stored = (await DetailedAsync(database)).Count;
        stored.ShouldBeInRange(plan - parallelism, plan, "only destinations in flight at the cancel can have been lost, and the budget still holds");
        (await ScalarAsync(database, """
            SELECT count(*) FROM (SELECT request FROM raw_responses WHERE operation = 'detailCommon2' GROUP BY request HAVING count(*) > 1) AS twice
            """)).ShouldBeLessThanOrEqualTo(parallelism, "a restart repeats at most the destinations that were in flight");
        foreach (var calls in (await DetailCallsAsync(api)).GroupBy(c => c.Operation))
        {
            calls.Sum(c => c.Count).ShouldBeLessThanOrEqualTo(plan, $"{calls.Key}: both runs together stay within the plan");
        }
    }

    private static Task<WeatherFlick.Simulator.Hosting.SimulatorServer> StartQuotaSimulatorAsync() => StartSimulatorAsync(o =>
    {
        // A still catalog: the next simulated day changes nothing, so what a run fetches is decided by quota alone.
        o.Evolution.ModifiedPerDay = 0;
        o.Evolution.DeletedPerDay = 0;
        o.Evolution.CreatedPerDay = 0;
    });

    /// <summary>The catalog synced with the default quota, then the simulator's KTO quota cut to <see cref="Quota"/>.</summary>
    private async Task<string> QuotaCatalogAsync(WeatherFlick.Simulator.Hosting.SimulatorServer sim, SimApi api)
    {
        var database = await _scenario.CatalogAsync(sim);
        await api.PutConfigAsync(new { dailyQuota = new { kto = Quota } });
        return database;
    }

    private static Dictionary<string, string> Settings(int quota) => new()
    {
        ["Providers:Kto:DailyQuota"] = quota.ToString(CultureInfo.InvariantCulture),
        ["Collection:Details:ReservePerOperation"] = Reserve.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>On the KST day of <paramref name="at"/>: each detail operation was called exactly <paramref name="plan"/> times, no key beyond its quota, and the reserve is left.</summary>
    private static async Task AssertDayAsync(SimApi api, string database, DateTimeOffset at, int plan)
    {
        var day = KoreaTime.DayOf(at);
        var calls = (await DetailCallsAsync(api)).Where(c => c.Day == day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        foreach (var operation in DetailOperations)
        {
            calls.Where(c => c.Operation == operation).Sum(c => c.Count).ShouldBe(plan, $"{operation} on {day}: exactly the planned calls");
            calls.Where(c => c.Operation == operation).ShouldAllBe(c => c.Count <= Quota, $"{operation} on {day}: no key past its quota");
            (await ScalarAsync(database, "SELECT sum(calls) FROM api_key_usage WHERE provider = 'kto' AND operation = $1 AND day_kst = $2", operation, day))
                .ShouldBe(plan, $"{operation} on {day}: the ledger keeps the reserve of {Reserve} unspent");
        }
        (await QuotaRejectionsAsync(api)).ShouldBe(0, "a planned run never meets the upstream's quota");
    }

    /// <summary>Reports progress on the reporting thread, so a test can act at an exact point of the run.</summary>
    private sealed class Reported(Action<JobProgress> report) : IProgress<JobProgress>
    {
        public void Report(JobProgress value) => report(value);
    }
}
