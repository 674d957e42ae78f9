using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using WeatherFlick.Testing.LocalServers;
using WeatherFlick.Data.Migrations;
using WeatherFlick.Data.Telemetry;
using WeatherFlick.Jobs.Collection.Gateway;
using WeatherFlick.Simulator.Hosting;
using WeatherFlick.Tests.Infrastructure;

using WeatherFlick.Testing.Simulation;

namespace WeatherFlick.Tests.Collection;

/// <summary>The gateway against the simulator over HTTP, with the real ledger (PostgreSQL) and cache (Redis).</summary>
[Collection(PlatformCollection.Name)]
public sealed class UpstreamGatewayTests(PostgresServerFixture postgres, RedisServerFixture redis)
{
    private static readonly string[] Keys = ["GATEWAY+TEST/KEY+A==", "GATEWAY+TEST/KEY+B==", "GATEWAY+TEST/KEY+C=="];
    // 22:00 KST on 22 November 2026: two hours before the quota day turns.
    private static readonly DateTimeOffset LateEvening = new(2026, 11, 22, 22, 0, 0, TimeSpan.FromHours(9));

    private static readonly KeyValuePair<string, string>[] AreaCodes =
        [new("MobileOS", "ETC"), new("MobileApp", "WeatherFlick"), new("_type", "json")];

    [Fact]
    public async Task Three_keys_of_50_calls_complete_exactly_150_of_200_and_the_rest_after_midnight_KST()
    {
        await using var sim = await SimulatorServer.StartAsync(o =>
        {
            o.Keys = [.. Keys];
            o.DailyQuota.Kto = 50;
            o.RatePerSecond = 0;
            o.StartTime = LateEvening;
            o.FreezeClock = true;
        });
        var clock = new ManualClock(LateEvening);
        await using var host = await GatewayHostAsync(sim, clock, new() { ["DailyQuota"] = "50" });
        var gateway = host.Gateway;

        var first = await CallManyAsync(gateway, "areaCode2", AreaCodes, 200);

        first.Count(r => r.Outcome is UpstreamOutcome.Data).ShouldBe(150, "3 keys × 50 calls");
        first.Count(r => r.WaitingForQuota).ShouldBe(50, "the rest must wait for quota, not fail");
        first.Where(r => r.WaitingForQuota).ShouldAllBe(r => r.ResumeAt == new DateTimeOffset(2026, 11, 22, 15, 0, 0, TimeSpan.Zero));
        var stats = await StatsAsync(sim);
        stats.GetProperty("rejections").GetProperty("quota").GetInt32().ShouldBe(0, "the simulator must never see a call beyond quota");
        stats.GetProperty("calls").EnumerateArray().Sum(c => c.GetProperty("count").GetInt32()).ShouldBe(150);

        var midnight = new DateTimeOffset(2026, 11, 23, 0, 0, 1, TimeSpan.FromHours(9));
        sim.Clock.Set(midnight);
        clock.Set(midnight);
        var rest = await CallManyAsync(gateway, "areaCode2", AreaCodes, 50);

        rest.ShouldAllBe(r => r.Outcome is UpstreamOutcome.Data, "after 00:00 KST every key has a new day of quota");
    }

    [Fact]
    public async Task Two_gateway_processes_sharing_the_ledger_never_overspend_a_key()
    {
        await using var sim = await SimulatorServer.StartAsync(o =>
        {
            o.Keys = [Keys[0]];
            o.DailyQuota.Kto = 100;
            o.RatePerSecond = 0;
        });
        var database = await MigratedDatabaseAsync();
        var jobs = ProjectOutput.Dll("WeatherFlick.Jobs");
        var environment = JobServerSettings.AsEnvironment(JobServerSettings.For(sim, database, redis.ConnectionString, new Dictionary<string, string>
        {
            ["Providers:Kto:Keys:0"] = Keys[0],
            ["Providers:Kto:DailyQuota"] = "100",
            ["Providers:Kto:RatePerSecond"] = "500",
        }));
        string[] arguments = ["call", "kto", "areaCode2", "-p", "MobileOS=ETC", "-p", "MobileApp=WeatherFlick", "-p", "_type=json", "--times", "120", "--parallel", "4", "--json"];

        var runs = await Task.WhenAll(ChildProcess.RunDotnetAsync(jobs, arguments, environment), ChildProcess.RunDotnetAsync(jobs, arguments, environment));

        runs.ShouldAllBe(r => r.ExitCode == 3, $"exit code 3 means some calls wait for quota: {string.Join(" | ", runs.Select(r => r.Output + r.Errors))}");
        var summaries = runs.Select(r => JsonSerializer.Deserialize<Dictionary<string, int>>(r.Output.Trim().Split('\n')[^1])!).ToList();
        summaries.Sum(s => s.GetValueOrDefault("data")).ShouldBe(100, $"one key of 100 calls shared by two processes; outputs: {string.Join(" | ", runs.Select(r => r.Output + r.Errors))}");
        summaries.Sum(s => s.GetValueOrDefault("waiting_for_quota")).ShouldBe(140);
        var stats = await StatsAsync(sim);
        stats.GetProperty("rejections").GetProperty("quota").GetInt32().ShouldBe(0, "neither process may send a call beyond the shared quota");
        stats.GetProperty("calls").EnumerateArray().Sum(c => c.GetProperty("count").GetInt32()).ShouldBe(100);
    }

    [Fact]
    public async Task With_ten_percent_mixed_faults_every_page_arrives_every_exchange_is_archived_and_the_key_leaks_nowhere()
    {
        const string canary = "CANARY+KEY/MUST+NEVER+LEAK==";
        await using var sim = await SimulatorServer.StartAsync(o =>
        {
            o.Keys = [canary, Keys[1]];
            o.RatePerSecond = 0;
            o.FaultRate = 0.10;
            o.FaultWeights.WrappedNoData = 0;   // a lie about a page's content, handled by collectors, not the gateway
            o.FaultWeights.Slow = 1;
            o.SlowMs = 200;
            o.HangSeconds = 5;
        });
        using var spans = new ActivityRecorder("WeatherFlick", "System.Net.Http", "Npgsql");
        var logs = new TestLogSink();
        await using var host = await GatewayHostAsync(sim, TimeProvider.System, new()
        {
            ["Keys:0"] = canary,
            ["Keys:1"] = Keys[1],
            ["MaxAttempts"] = "10",
            ["RetryDelay"] = "00:00:00.010",
            ["Timeout"] = "00:00:01",
            ["RatePerSecond"] = "1000",
            ["MaxConcurrency"] = "16",
        }, logs);

        var pages = await Task.WhenAll(Enumerable.Range(1, 1000).Select(page => Throttled(() => host.Gateway.CallAsync("areaBasedList2",
            [.. AreaCodes, new("numOfRows", "20"), new("pageNo", page.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("arrange", "A")],
            CancellationToken.None))));

        pages.ShouldAllBe(p => p.Outcome is UpstreamOutcome.Data, "every page must arrive despite the faults");
        pages.Select(p => ((UpstreamOutcome.Data)p.Outcome!).Page.PageNo).Order().ShouldBe(Enumerable.Range(1, 1000));
        pages.ShouldAllBe(p => ((UpstreamOutcome.Data)p.Outcome!).Page.Items.Count == 20);
        var retried = pages.Sum(p => p.Attempts - 1);
        retried.ShouldBeGreaterThan(0, "a 10 % fault rate must have caused retries");

        await using var db = NpgsqlDataSource.Create(host.Database);
        await using var archived = db.CreateCommand("SELECT count(*), count(*) FILTER (WHERE outcome = 'transient') FROM raw_responses");
        await using (var reader = await archived.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            reader.GetInt64(0).ShouldBe(pages.Sum(p => (long)p.Attempts), "every attempt, failed or not, is archived");
            reader.GetInt64(1).ShouldBe(retried);
        }
        await using var requests = db.CreateCommand("SELECT request, body FROM raw_responses");
        await using (var reader = await requests.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                AssertNoKey(reader.GetString(0), canary, "an archived request");
                AssertNoKey(System.Text.Encoding.UTF8.GetString(RawArchive.Decompress((byte[])reader[1])), canary, "an archived body");
            }
        }
        foreach (var line in logs.Lines)
        {
            AssertNoKey(line, canary, "a log line");
        }
        foreach (var text in spans.AllText())
        {
            AssertNoKey(text, canary, "a span");
        }
        spans.Activities.Count(a => a.Source.Name == GatewayTelemetry.Name).ShouldBe(1000, "one span per gateway call");
    }

    [Fact]
    public async Task A_rerun_within_the_cache_TTL_spends_no_quota()
    {
        await using var sim = await SimulatorServer.StartAsync(o =>
        {
            o.Keys = [Keys[2]];
            o.RatePerSecond = 0;
        });
        await using var host = await GatewayHostAsync(sim, TimeProvider.System, new() { ["Keys:0"] = Keys[2], ["CacheTtl"] = "00:10:00" });
        // A page no other test asks for, so nothing but this test's first call can have filled the cache.
        KeyValuePair<string, string>[] request = [.. AreaCodes, new("numOfRows", "50"), new("pageNo", Random.Shared.Next(100, 200).ToString(System.Globalization.CultureInfo.InvariantCulture))];

        var fetched = await host.Gateway.CallAsync("areaBasedList2", request, CancellationToken.None);
        var again = await host.Gateway.CallAsync("areaBasedList2", request, CancellationToken.None);

        fetched.FromCache.ShouldBeFalse();
        again.FromCache.ShouldBeTrue("the same request within the TTL is answered from Redis");
        again.RawResponseId.ShouldBe(fetched.RawResponseId, "a cached answer still leads back to the raw response it came from");
        ((UpstreamOutcome.Data)again.Outcome!).Page.Items.Select(i => i["contentid"]).ShouldBe(((UpstreamOutcome.Data)fetched.Outcome!).Page.Items.Select(i => i["contentid"]));
        (await StatsAsync(sim)).GetProperty("calls").EnumerateArray().Sum(c => c.GetProperty("count").GetInt32()).ShouldBe(1, "the re-run must not reach upstream");
    }

    [Fact]
    public async Task With_Redis_unreachable_the_gateway_starts_and_collects_from_upstream_while_health_reports_Redis_unhealthy()
    {
        await using var sim = await SimulatorServer.StartAsync(o =>
        {
            o.Keys = [Keys[2]];
            o.RatePerSecond = 0;
        });
        // Nothing listens there: the response cache's Redis is down from the start.
        var nowhere = $"127.0.0.1:{NativeProcess.FreeTcpPort()},password=x";

        await using var host = await GatewayHostAsync(sim, TimeProvider.System, new() { ["Keys:0"] = Keys[2], ["CacheTtl"] = "00:10:00" }, cache: nowhere);
        var first = await host.Gateway.CallAsync("areaCode2", AreaCodes, CancellationToken.None);
        var again = await host.Gateway.CallAsync("areaCode2", AreaCodes, CancellationToken.None);

        first.Outcome.ShouldBeOfType<UpstreamOutcome.Data>("without its cache the gateway still collects");
        again.Outcome.ShouldBeOfType<UpstreamOutcome.Data>();
        again.FromCache.ShouldBeFalse("with Redis down nothing can be served from it");
        (await StatsAsync(sim)).GetProperty("calls").EnumerateArray().Sum(c => c.GetProperty("count").GetInt32()).ShouldBe(2, "both calls went upstream");
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        report.Status.ShouldBe(HealthStatus.Unhealthy, "readiness reports the cache's Redis as down");
        report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => e.Key).ShouldBe(["StackExchange.Redis"],
            "Aspire's Redis check, and only it, is unhealthy");
    }

    [Fact]
    public async Task Calls_latency_concurrency_and_remaining_quota_per_key_are_measured()
    {
        await using var sim = await SimulatorServer.StartAsync(o =>
        {
            o.Keys = [Keys[0]];
            o.RatePerSecond = 0;
            o.DailyQuota.Kto = 40;
        });
        await using var host = await GatewayHostAsync(sim, TimeProvider.System, new() { ["Keys:0"] = Keys[0], ["DailyQuota"] = "40" });
        var measured = new System.Collections.Concurrent.ConcurrentBag<(string Name, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == GatewayTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => measured.Add((i.Name, v, t.ToArray().ToDictionary(x => x.Key, x => x.Value))));
        listener.SetMeasurementEventCallback<int>((i, v, t, _) => measured.Add((i.Name, v, t.ToArray().ToDictionary(x => x.Key, x => x.Value))));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => measured.Add((i.Name, v, t.ToArray().ToDictionary(x => x.Key, x => x.Value))));
        listener.Start();

        await CallManyAsync(host.Gateway, "areaCode2", AreaCodes, 10);
        listener.RecordObservableInstruments();

        measured.Count(m => m.Name == "weatherflick.upstream.calls" && (string?)m.Tags["outcome"] == "data" && (string?)m.Tags["operation"] == "areaCode2")
            .ShouldBeGreaterThanOrEqualTo(10);
        measured.ShouldContain(m => m.Name == "weatherflick.upstream.duration");
        measured.ShouldContain(m => m.Name == "weatherflick.upstream.concurrency.limit" && m.Value >= 1);
        var remaining = measured.Where(m => m.Name == "weatherflick.upstream.quota.remaining" && (string?)m.Tags["key"] == ApiKey.FingerprintOf(Keys[0])).ToList();
        remaining.ShouldNotBeEmpty("remaining quota is measured per key fingerprint");
        remaining.Min(m => m.Value).ShouldBe(30, "40 calls a day, 10 spent");
    }

    private static void AssertNoKey(string text, string key, string where)
    {
        text.Contains(key, StringComparison.Ordinal).ShouldBeFalse($"{where} contains the raw key: {text}");
        text.Contains(Uri.EscapeDataString(key), StringComparison.OrdinalIgnoreCase).ShouldBeFalse($"{where} contains the encoded key: {text}");
    }

    private static readonly SemaphoreSlim Gate = new(32);

    private static async Task<T> Throttled<T>(Func<Task<T>> call)
    {
        await Gate.WaitAsync();
        try
        {
            return await call();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<List<GatewayResult>> CallManyAsync(UpstreamGateway gateway, string operation, KeyValuePair<string, string>[] parameters, int times)
    {
        var results = new List<GatewayResult>();
        await Parallel.ForAsync(0, times, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, token) =>
        {
            var result = await gateway.CallAsync(operation, parameters, token);
            lock (results)
            {
                results.Add(result);
            }
        });
        return results;
    }

    private static async Task<JsonElement> StatsAsync(SimulatorServer sim)
    {
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };
        return await http.GetFromJsonAsync<JsonElement>("_sim/stats");
    }

    private async Task<string> MigratedDatabaseAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync("gateway") + ";Maximum Pool Size=20";
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        return connectionString;
    }

    /// <summary>The job server's own registration (AddCollection) around a KTO gateway pointed at the simulator.</summary>
    /// <param name="cache">The Redis connection string; the collection's shared server when null.</param>
    private async Task<GatewayHost> GatewayHostAsync(SimulatorServer sim, TimeProvider time, Dictionary<string, string> kto, TestLogSink? logs = null, string? cache = null)
    {
        var database = await MigratedDatabaseAsync();
        // The gateway's own retry delay (1 s) unless a test sets one: these tests measure backoff.
        var overrides = new Dictionary<string, string> { ["Providers:Kto:RatePerSecond"] = "500", ["Providers:Kto:RetryDelay"] = "00:00:01" };
        foreach (var (name, value) in kto)
        {
            overrides[$"Providers:Kto:{name}"] = value;
        }
        if (!kto.ContainsKey("Keys:0"))
        {
            for (var i = 0; i < Keys.Length; i++)
            {
                overrides[$"Providers:Kto:Keys:{i}"] = Keys[i];
            }
        }
        var settings = JobServerSettings.For(sim, database, cache ?? redis.ConnectionString, overrides);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings!);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }
        builder.Services.AddSingleton(time);
        builder.AddServiceDefaults();
        builder.AddNpgsqlDataSource("weatherflick", configureDataSourceBuilder: DatabaseTracing.Configure);
        builder.AddRedisClient(ResponseCache.ConnectionName, ResponseCache.ConfigureSettings, ResponseCache.ConfigureConnection);
        builder.AddCollection();
        var host = builder.Build();
        await host.StartAsync();
        return new GatewayHost(host, database);
    }

    private sealed class GatewayHost(IHost host, string database) : IAsyncDisposable
    {
        public UpstreamGateway Gateway { get; } = host.Services.GetRequiredKeyedService<UpstreamGateway>("kto");

        public string Database => database;

        public IServiceProvider Services => host.Services;

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}
