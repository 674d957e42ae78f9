using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Simulator.Hosting;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.Tourism;

[Collection(PlatformCollection.Name)]
public sealed class TourismSyncTests(PostgresServerFixture postgres, RedisServerFixture redis)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task Full_sync_stores_exactly_the_simulators_catalog_and_a_second_run_changes_nothing()
    {
        await using var sim = await SimulatorServer.StartAsync(o =>
        {
            o.Size = 1000;
            o.RatePerSecond = 0;
            o.StartTime = Start;
            o.FreezeClock = true;
        });
        await using var jobs = await JobServer.StartAsync(sim, await postgres.CreateDatabaseAsync("tourism"), redis.ConnectionString,
            new Dictionary<string, string> { ["Collection:Tourism:PageSize"] = "10" });

        var first = await jobs.RunAsync("tourism-full");

        first.Status.ShouldBe(JobResult.Succeeded, first.Error);
        var truth = await SimulatorItemsAsync(sim);
        var stored = await StoredAsync(jobs.Database);
        stored.Count.ShouldBe(truth.Count, "every listed destination, no more, no less");
        AssertSameCatalog(stored, truth);

        var second = await jobs.RunAsync("tourism-full");

        second.Status.ShouldBe(JobResult.Succeeded, second.Error);
        second.Counts["inserted"].ShouldBe(0);
        second.Counts["updated"].ShouldBe(0, "an unchanged catalog must not rewrite a row");
        second.Counts["removed"].ShouldBe(0);
    }

    [Fact]
    public async Task Incremental_sync_applies_exactly_the_edits_additions_and_deletions_since_the_full_sync()
    {
        await using var sim = await SimulatorServer.StartAsync(o =>
        {
            o.Size = 1000;
            o.RatePerSecond = 0;
            o.StartTime = Start;
            o.FreezeClock = true;
            o.Evolution.ModifiedPerDay = 0.02;
            o.Evolution.DeletedPerDay = 0.005;
            o.Evolution.CreatedPerDay = 0.01;
        });
        await using var jobs = await JobServer.StartAsync(sim, await postgres.CreateDatabaseAsync("incremental"), redis.ConnectionString,
            new Dictionary<string, string> { ["Collection:Tourism:PageSize"] = "10" });
        (await jobs.RunAsync("tourism-full")).Status.ShouldBe(JobResult.Succeeded);
        var before = await SimulatorItemsAsync(sim);

        sim.Clock.Advance(TimeSpan.FromDays(2));
        var truth = await SimulatorItemsAsync(sim);
        var result = await jobs.RunAsync("tourism-incremental");

        result.Status.ShouldBe(JobResult.Succeeded, result.Error);
        var added = truth.Keys.Except(before.Keys).Count();
        var deleted = before.Keys.Except(truth.Keys).Count();
        var modified = truth.Count(t => before.TryGetValue(t.Key, out var m) && m != t.Value);
        (added, deleted, modified).ShouldNotBe((0, 0, 0), "two simulated days must have changed the catalog");
        AssertSameCatalog(await StoredAsync(jobs.Database), truth);
        result.Counts["inserted"].ShouldBe(added, "every addition, and only those, is inserted");
        result.Counts["updated"].ShouldBe(modified, "every edit, and only those, is updated");
        result.Counts["removed"].ShouldBe(deleted, "every withdrawal is marked removed");

        var again = await jobs.RunAsync("tourism-incremental");

        again.Status.ShouldBe(JobResult.Succeeded, again.Error);
        (again.Counts["inserted"], again.Counts["updated"], again.Counts["removed"]).ShouldBe((0L, 0L, 0L), "nothing changed since the last run");
    }

    [Fact]
    public async Task A_job_already_running_on_another_instance_is_skipped_not_run_twice()
    {
        await using var sim = await SimulatorServer.StartAsync(o =>
        {
            o.Size = 1000;
            o.RatePerSecond = 0;
        });
        await using var jobs = await JobServer.StartAsync(sim, await postgres.CreateDatabaseAsync("overlap"), redis.ConnectionString);
        // Another instance holds the job's lock, exactly as JobCatalog takes it.
        await using var other = new NpgsqlConnection(jobs.Database + ";Pooling=false");
        await other.OpenAsync();
        await using (var hold = new NpgsqlCommand("SELECT pg_advisory_lock(1464224322, hashtext('tourism-full'))", other))
        {
            await hold.ExecuteNonQueryAsync();
        }

        var skipped = await jobs.RunAsync("tourism-full");

        skipped.Status.ShouldBe(JobResult.AlreadyRunning);
        (await TourismSyncTests.StoredAsync(jobs.Database)).ShouldBeEmpty("a skipped job must not have collected anything");
        await other.CloseAsync();
        // The server ends the closed session asynchronously; the lock is gone only once the backend has exited.
        await WaitUntilNoAdvisoryLockAsync(jobs.Database);
        (await jobs.RunAsync("tourism-full")).Status.ShouldBe(JobResult.Succeeded, "once the other instance is gone the job runs");
    }

    private static async Task WaitUntilNoAdvisoryLockAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = 1464224322", connection);
            if ((long)(await count.ExecuteScalarAsync())! == 0) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the other session's advisory lock was not released within 10 s");
            await Task.Delay(20);
        }
    }

    /// <summary>Same contentids with the same modifiedtime; on failure, names a few of the differences.</summary>
    internal static void AssertSameCatalog(IReadOnlyDictionary<string, string> stored, IReadOnlyDictionary<string, string> truth)
    {
        var missing = truth.Keys.Except(stored.Keys).Take(5).ToList();
        var extra = stored.Keys.Except(truth.Keys).Take(5).ToList();
        var different = truth.Where(t => stored.TryGetValue(t.Key, out var m) && m != t.Value).Take(5).Select(t => $"{t.Key}: {stored[t.Key]} vs {t.Value}").ToList();
        (missing.Count + extra.Count + different.Count).ShouldBe(0,
            $"missing {string.Join(",", missing)}; extra {string.Join(",", extra)}; different modifiedtime {string.Join("; ", different)}");
    }

    internal static async Task<Dictionary<string, string>> SimulatorItemsAsync(SimulatorServer sim)
    {
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };
        var items = await http.GetFromJsonAsync<JsonElement>("_sim/dataset/items");
        return items.EnumerateArray().ToDictionary(i => i.GetProperty("contentid").GetString()!, i => i.GetProperty("modifiedtime").GetString()!);
    }

    internal static async Task<Dictionary<string, string>> StoredAsync(string database)
    {
        await using var db = NpgsqlDataSource.Create(database);
        await using var command = db.CreateCommand("""
            SELECT content_id, to_char(modified_time AT TIME ZONE 'Asia/Seoul', 'YYYYMMDDHH24MISS') FROM destinations WHERE removed_at IS NULL
            """);
        var stored = new Dictionary<string, string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stored[reader.GetString(0)] = reader.GetString(1);
        }
        return stored;
    }
}
