using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using StackExchange.Redis;
using WeatherFlick.Testing.LocalServers;
using WeatherFlick.Data.Migrations;
using WeatherFlick.Jobs.Collection.Gateway;
using WeatherFlick.Simulator.Hosting;

namespace WeatherFlick.Benchmarks.Gateway;

/// <summary>
/// Gateway throughput against the simulator with 50 ms latency, as a fraction of the ceiling K keys × R requests per
/// second, with the simulator's 429 count; and the same work done by a sequential one-call-at-a-time client (the
/// seeds' starting point). Printed side by side from one run.
/// </summary>
public static class GatewayBenchmark
{
    private static readonly string[] Keys = ["BENCH+KEY/ONE==", "BENCH+KEY/TWO==", "BENCH+KEY/THREE=="];
    private const double RatePerKey = 20;
    private const int LatencyMs = 50;

    public static async Task<int> RunAsync(string[] args)
    {
        var calls = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 1200;
        var sequentialCalls = Math.Max(50, calls / 6);
        var folder = Path.Combine(Path.GetTempPath(), $"wf-bench-gw-{Guid.NewGuid():N}");
        await using var postgres = await LocalPostgresServer.StartAsync(new LocalPostgresOptions { DataDirectory = folder, Ephemeral = true });
        await using var redisServer = await LocalRedisServer.StartAsync(new LocalRedisOptions());
        await postgres.CreateDatabaseIfMissingAsync("bench");
        await using var db = NpgsqlDataSource.Create(postgres.GetConnectionString("bench"));
        await new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        var redisOptions = ConfigurationOptions.Parse(redisServer.ConnectionString);
        ResponseCache.ConfigureConnection(redisOptions);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(redisOptions);
        try
        {
            await using var sim = await SimulatorServer.StartAsync(o =>
            {
                o.Keys = [.. Keys];
                o.RatePerSecond = RatePerKey;
                o.RateBurst = 2;
                o.LatencyMs = LatencyMs;
                o.DailyQuota.Kto = 1_000_000;
            });
            var ceiling = Keys.Length * RatePerKey;
            KeyValuePair<string, string>[] request = [new("MobileOS", "ETC"), new("MobileApp", "WeatherFlick"), new("_type", "json")];
            Console.WriteLine($"Gateway against the simulator: {Keys.Length} keys × {RatePerKey} req/s = ceiling {ceiling} req/s, latency {LatencyMs} ms");

            using var http = new HttpClient();
            var gateway = new UpstreamGateway("kto", new ProviderOptions
            {
                BaseUrl = sim.KtoBaseUrl.ToString(), Keys = [.. Keys], DailyQuota = 1_000_000, RatePerSecond = RatePerKey,
                MaxConcurrency = 32, CacheTtl = TimeSpan.Zero,
            }, http, new QuotaLedger(db, TimeProvider.System), new RawArchive(db), new ResponseCache(redis, NullLogger<ResponseCache>.Instance),
                TimeProvider.System, NullLogger.Instance);

            // Warm-up: JIT, connection pools.
            await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => gateway.CallAsync("areaCode2", request, CancellationToken.None)));
            var before = await RejectionsAsync(sim);

            var clock = Stopwatch.StartNew();
            var results = await Task.WhenAll(Enumerable.Range(0, calls).Select(_ => gateway.CallAsync("areaCode2", request, CancellationToken.None)));
            var gatewayElapsed = clock.Elapsed;
            var after = await RejectionsAsync(sim);
            var ok = results.Count(r => r.Outcome is UpstreamOutcome.Data);
            if (ok < calls)
            {
                var other = results.Where(r => r.Outcome is not UpstreamOutcome.Data)
                    .GroupBy(r => r.WaitingForQuota ? "waiting_for_quota" : r.Outcome!.ToString())
                    .Select(g => $"{g.Count()} × {g.Key}");
                Console.WriteLine($"  not answered with data: {string.Join("; ", other)}");
            }
            var gatewayRate = calls / gatewayElapsed.TotalSeconds;
            var rejections = after - before;

            clock.Restart();
            for (var i = 0; i < sequentialCalls; i++)
            {
                var key = Uri.EscapeDataString(Keys[i % Keys.Length]);
                using var response = await http.GetAsync($"{sim.KtoBaseUrl}/areaCode2?serviceKey={key}&MobileOS=ETC&MobileApp=WeatherFlick&_type=json");
                await response.Content.ReadAsByteArrayAsync();
            }
            var sequentialRate = sequentialCalls / clock.Elapsed.TotalSeconds;

            Console.WriteLine($"  gateway:    {calls,6} calls in {gatewayElapsed.TotalSeconds,6:N1} s = {gatewayRate,6:N1} req/s = {gatewayRate / ceiling:P0} of the ceiling; {ok} answered with data; {rejections} rejections by the simulator ({rejections * 10_000.0 / calls:N2} per 10,000 calls); adaptive limit ended at {gateway.Concurrency.Limit}");
            Console.WriteLine($"  sequential: {sequentialCalls,6} calls in {clock.Elapsed.TotalSeconds,6:N1} s = {sequentialRate,6:N1} req/s = {sequentialRate / ceiling:P0} of the ceiling");
            Console.WriteLine($"  ratio gateway / sequential: {gatewayRate / sequentialRate:N1}x");
            return 0;
        }
        finally
        {
            await postgres.StopAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> RejectionsAsync(SimulatorServer sim)
    {
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };
        var stats = await http.GetFromJsonAsync<JsonElement>("_sim/stats");
        return stats.GetProperty("rejections").EnumerateObject().Sum(r => r.Value.GetInt32());
    }
}
