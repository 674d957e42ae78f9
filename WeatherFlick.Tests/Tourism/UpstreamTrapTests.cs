using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Simulator.Hosting;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.Tourism;

/// <summary>
/// Each trap the real services set for collectors (shared/reference/public-data-apis.md §2.3, §4, §5), switched on
/// in the simulator: the full sync must still store exactly the simulator's catalog.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class UpstreamTrapTests(PostgresServerFixture postgres, RedisServerFixture redis)
{
    public static TheoryData<string> Traps =>
    [
        "items-null",
        "single-item-as-object",
        "contenttypeid-as-number",
        "faults-html-truncated-gateway-and-false-no-data",
        "429-bursts",
        "encoding-form-key",
        "modifiedtime-filter-broken",
    ];

    [Theory]
    [MemberData(nameof(Traps))]
    public async Task Full_sync_loses_nothing_to(string trap)
    {
        await using var sim = await SimulatorServer.StartAsync(o =>
        {
            o.Size = 1000;
            o.RatePerSecond = 0;
            o.StartTime = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.FromHours(9));
            o.FreezeClock = true;
            switch (trap)
            {
                case "items-null":
                    o.Kto.EmptyItems = "Null";
                    break;
                case "single-item-as-object":
                    o.Kto.SingleItemAsObject = true;
                    break;
                case "contenttypeid-as-number":
                    o.Kto.ContentTypeIdAsNumber = true;
                    break;
                case "faults-html-truncated-gateway-and-false-no-data":
                    o.FaultRate = 0.15;
                    o.SlowMs = 100;
                    o.HangSeconds = 2;
                    break;
                case "429-bursts":
                    o.RatePerSecond = 20;
                    o.RateBurst = 3;
                    break;
                case "modifiedtime-filter-broken":
                    o.Kto.SyncListModifiedTimeReturnsNothing = true;
                    break;
            }
        });
        var settings = new Dictionary<string, string>
        {
            ["Collection:Tourism:PageSize"] = "10",
            ["Providers:Kto:Timeout"] = "00:00:01",
            ["Providers:Kto:MaxAttempts"] = "10",
        };
        if (trap == "429-bursts")
        {
            // The job server believes it may send far faster than the upstream allows.
            settings["Providers:Kto:RatePerSecond"] = "500";
        }
        if (trap == "encoding-form-key")
        {
            // data.go.kr's "Encoding" key pasted into configuration: it must not be encoded a second time.
            for (var i = 0; i < sim.Options.Keys.Count; i++)
            {
                settings[$"Providers:Kto:Keys:{i}"] = Uri.EscapeDataString(sim.Options.Keys[i]);
            }
        }
        await using var jobs = await JobServer.StartAsync(sim, await postgres.CreateDatabaseAsync("trap"), redis.ConnectionString, settings);

        var result = await jobs.RunAsync("tourism-full");

        result.Status.ShouldBe(JobResult.Succeeded, $"{trap}: {result.Error}");
        TourismSyncTests.AssertSameCatalog(await TourismSyncTests.StoredAsync(jobs.Database), await TourismSyncTests.SimulatorItemsAsync(sim));
        if (trap == "modifiedtime-filter-broken")
        {
            // The incremental sync does not lean on the modifiedtime filter, so the broken filter costs nothing.
            sim.Clock.Advance(TimeSpan.FromDays(3));
            (await jobs.RunAsync("tourism-incremental")).Status.ShouldBe(JobResult.Succeeded);
            TourismSyncTests.AssertSameCatalog(await TourismSyncTests.StoredAsync(jobs.Database), await TourismSyncTests.SimulatorItemsAsync(sim));
        }
    }
}
