using System.Text.Json;
using Npgsql;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Simulator.Hosting;
using WeatherFlick.Tests.Infrastructure;
using WeatherFlick.Tests.Simulator;

namespace WeatherFlick.Tests.Details;

/// <summary>The details job end to end: the real job server against the simulator, after a full catalog sync.</summary>
[Collection(PlatformCollection.Name)]
public sealed class DetailEnrichmentTests(PostgresServerFixture postgres, RedisServerFixture redis)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.FromHours(9));
    private static readonly string[] DetailOperations = ["detailCommon2", "detailIntro2", "detailImage2"];

    [Fact]
    public async Task Every_live_destination_gets_its_details_and_a_second_run_spends_no_quota()
    {
        await using var sim = await StartSimulatorAsync();
        using var api = new SimApi(sim);
        var database = await CatalogAsync(sim);
        await using var jobs = await DetailJobsAsync(sim, database);
        var live = await ScalarAsync(database, "SELECT count(*) FROM destinations WHERE removed_at IS NULL");

        var first = await jobs.RunAsync("details");

        first.Status.ShouldBe(JobResult.Succeeded, first.Error);
        first.Counts["done"].ShouldBe(live, "the default quota covers the whole small catalog");
        first.Counts["remaining"].ShouldBe(0, "nothing may be left when the quota allowed everything");
        (await ScalarAsync(database, """
            SELECT count(*) FROM destinations d JOIN destination_details x USING (content_id)
            WHERE d.removed_at IS NULL AND x.source_modified_time = d.modified_time AND cardinality(x.raw_response_ids) = 3 AND x.intro IS NOT NULL
            """)).ShouldBe(live, "every live destination has details from three archived answers, at its current modified_time");
        var calls = await DetailCallsAsync(api);

        var second = await jobs.RunAsync("details");

        second.Status.ShouldBe(JobResult.Succeeded, second.Error);
        second.Counts["calls"].ShouldBe(0, "nothing is missing or stale, so nothing may be asked");
        (await DetailCallsAsync(api)).ShouldBe(calls, "the simulator must see no detail call from a run with nothing to do");
    }

    [Fact]
    public async Task Destinations_whose_modifiedtime_moved_are_fetched_again_and_no_others()
    {
        await using var sim = await StartSimulatorAsync(o => o.Evolution.ModifiedPerDay = 0.01);
        using var api = new SimApi(sim);
        var database = await CatalogAsync(sim);
        await using (var jobs = await DetailJobsAsync(sim, database))
        {
            (await jobs.RunAsync("details")).Status.ShouldBe(JobResult.Succeeded);
        }
        var before = await ModifiedTimesAsync(database);
        await api.AdvanceClockAsync(TimeSpan.FromDays(2));
        await CatalogAsync(sim, database);
        var after = await ModifiedTimesAsync(database);
        var edited = after.Where(a => before.TryGetValue(a.Key, out var was) && was != a.Value).Select(a => a.Key).ToHashSet();
        var added = after.Keys.Except(before.Keys).ToHashSet();
        edited.Count.ShouldBeGreaterThan(0, "two simulated days at 1 % a day must edit some destinations");
        var calls = await DetailCallsAsync(api);

        await using var again = await DetailJobsAsync(sim, database);
        var result = await again.RunAsync("details");

        result.Status.ShouldBe(JobResult.Succeeded, result.Error);
        result.Counts["updated"].ShouldBe(edited.Count, $"exactly the edited destinations are refetched ({string.Join(",", edited.Take(5))} …)");
        result.Counts["inserted"].ShouldBe(added.Count, "destinations new to the catalog get their first details");
        (await DetailCallsAsync(api) - calls).ShouldBe(3 * (edited.Count + added.Count), "one call of each operation per edited or new destination, none for the others");
        (await ScalarAsync(database, """
            SELECT count(*) FROM destinations d JOIN destination_details x USING (content_id)
            WHERE d.removed_at IS NULL AND x.source_modified_time IS DISTINCT FROM d.modified_time
            """)).ShouldBe(0, "no live destination may keep details older than its modified_time");
    }

    private Task<SimulatorServer> StartSimulatorAsync(Action<SimulatorOptions>? configure = null) => SimulatorServer.StartAsync(o =>
    {
        o.Size = 1000;
        o.RatePerSecond = 0;
        o.StartTime = Start;
        o.FreezeClock = true;
        configure?.Invoke(o);
    });

    /// <summary>Runs tourism-full into <paramref name="database"/> (a new one when null) with default settings and returns it.</summary>
    private async Task<string> CatalogAsync(SimulatorServer sim, string? database = null)
    {
        database ??= await postgres.CreateDatabaseAsync("details");
        await using var jobs = await JobServer.StartAsync(sim, database, redis.ConnectionString);
        var full = await jobs.RunAsync("tourism-full");
        full.Status.ShouldBe(JobResult.Succeeded, $"the catalog sync every detail test starts from failed: {full.Error}");
        return database;
    }

    private Task<JobServer> DetailJobsAsync(SimulatorServer sim, string database, IReadOnlyDictionary<string, string>? settings = null, TimeProvider? time = null) =>
        JobServer.StartAsync(sim, database, redis.ConnectionString, new Dictionary<string, string>
        {
            ["Providers:Kto:RatePerSecond"] = "1000",
            ["Collection:Details:Parallelism"] = "8",
        }.Concat(settings ?? new Dictionary<string, string>()).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value), time);

    /// <summary>Detail calls the simulator accepted, over every key and day.</summary>
    private static async Task<long> DetailCallsAsync(SimApi api)
    {
        var stats = await api.AdminGetAsync("stats");
        return stats.GetProperty("calls").EnumerateArray()
            .Where(c => DetailOperations.Contains(c.GetProperty("operation").GetString()))
            .Sum(c => (long)c.GetProperty("count").GetInt32());
    }

    private static async Task<Dictionary<string, DateTime>> ModifiedTimesAsync(string database)
    {
        await using var db = NpgsqlDataSource.Create(database);
        await using var command = db.CreateCommand("SELECT content_id, modified_time FROM destinations WHERE removed_at IS NULL");
        var times = new Dictionary<string, DateTime>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            times[reader.GetString(0)] = reader.GetDateTime(1);
        }
        return times;
    }

    private static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var db = NpgsqlDataSource.Create(database);
        await using var command = db.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
