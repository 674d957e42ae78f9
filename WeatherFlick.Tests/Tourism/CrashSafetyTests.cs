using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;
using WeatherFlick.Testing.LocalServers;
using WeatherFlick.Simulator.Hosting;
using WeatherFlick.Tests.Infrastructure;

using WeatherFlick.Testing.Simulation;

namespace WeatherFlick.Tests.Tourism;

/// <summary>The job server's command line is SIGKILLed mid-sync (no polite cancel) and run again.</summary>
[Collection(PlatformCollection.Name)]
public sealed partial class CrashSafetyTests(PostgresServerFixture postgres, RedisServerFixture redis)
{
    [Fact]
    public async Task A_full_sync_killed_mid_run_and_restarted_ends_like_an_uninterrupted_one_fetching_at_most_one_page_twice_per_partition()
    {
        await using var sim = await SimulatorServer.StartAsync(o =>
        {
            o.Size = 2000;
            o.RatePerSecond = 0;
            o.LatencyMs = 40;
            o.StartTime = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.FromHours(9));
            o.FreezeClock = true;
        });
        var database = await postgres.CreateDatabaseAsync("crash");
        var environment = Environment(sim, database);
        string[] run = ["run", "tourism-full", "--plain"];
        var jobs = ProjectOutput.Dll("WeatherFlick.Jobs");

        using (var first = ChildProcess.StartDotnet(jobs, run, environment))
        {
            _ = first.StandardOutput.ReadToEndAsync();
            _ = first.StandardError.ReadToEndAsync();
            var committed = await WaitForPagesAsync(database, atLeast: 40, first);
            NativeProcess.Signal(first.Id, NativeProcess.SigKill).ShouldBeTrue("the sync must still be running when it is killed");
            await first.WaitForExitAsync();
            first.ExitCode.ShouldNotBe(0);
            committed.ShouldBeGreaterThanOrEqualTo(40);
        }
        (await PagesDoneAsync(database)).ShouldBeLessThan(await PagesExpectedAsync(database), "the kill must have interrupted the sync");

        var second = await ChildProcess.RunDotnetAsync(jobs, run, environment, TimeSpan.FromMinutes(3));

        second.ExitCode.ShouldBe(0, $"the restarted sync must finish: {second.Output}{second.Errors}");
        second.Output.ShouldContain("tourism-full: succeeded");
        TourismSyncTests.AssertSameCatalog(await TourismSyncTests.StoredAsync(database), await TourismSyncTests.SimulatorItemsAsync(sim));
        var twice = await PagesFetchedTwiceAsync(database);
        twice.ShouldAllBe(p => p.Value <= 1, $"partitions with more than one page fetched twice: {string.Join(", ", twice.Where(p => p.Value > 1).Select(p => $"{p.Key}={p.Value}"))}");
        await using var runs = NpgsqlDataSource.Create(database);
        await using var count = runs.CreateCommand("SELECT count(*), min(status) FROM collection_runs");
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        reader.GetInt64(0).ShouldBe(1, "the restart resumes the interrupted run instead of starting another");
        reader.GetString(1).ShouldBe("succeeded");
    }

    private Dictionary<string, string> Environment(SimulatorServer sim, string database) =>
        JobServerSettings.AsEnvironment(JobServerSettings.For(sim, database, redis.ConnectionString, new Dictionary<string, string>
        {
            ["Providers:Kto:RatePerSecond"] = "500",
            ["Collection:Tourism:PageSize"] = "10",
        }));

    private static async Task<long> WaitForPagesAsync(string database, long atLeast, Process process)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2) && !process.HasExited)
        {
            try
            {
                if (await PagesDoneAsync(database) is var done && done >= atLeast)
                {
                    return done;
                }
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                // The child has not migrated the database yet.
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"the sync never committed {atLeast} pages (exited: {process.HasExited})");
    }

    private static async Task<long> PagesDoneAsync(string database) =>
        await ScalarAsync(database, "SELECT COALESCE(sum(pages_done), 0) FROM run_partitions");

    private static async Task<long> PagesExpectedAsync(string database) =>
        await ScalarAsync(database, "SELECT COALESCE(sum(GREATEST(pages_expected, 1)), 0) + (136 - count(*) FILTER (WHERE pages_expected IS NOT NULL)) FROM run_partitions");

    private static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var db = NpgsqlDataSource.Create(database);
        await using var command = db.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Per partition, how many of its pages were fetched (answered) more than once, from the raw archive.</summary>
    private static async Task<Dictionary<string, int>> PagesFetchedTwiceAsync(string database)
    {
        await using var db = NpgsqlDataSource.Create(database);
        await using var command = db.CreateCommand("""
            SELECT request, count(*) FROM raw_responses WHERE operation = 'areaBasedList2' AND outcome IN ('data', 'no_data') GROUP BY request
            """);
        var twice = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var partition = PartitionOf().Match(reader.GetString(0));
            var key = $"{partition.Groups["area"].Value}/{partition.Groups["type"].Value}";
            twice[key] = twice.GetValueOrDefault(key) + (reader.GetInt64(1) > 1 ? 1 : 0);
        }
        return twice;
    }

    [GeneratedRegex("areaCode=(?<area>\\d+).*contentTypeId=(?<type>\\d+)")]
    private static partial Regex PartitionOf();
}
