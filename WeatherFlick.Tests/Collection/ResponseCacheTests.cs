using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using WeatherFlick.Testing.LocalServers;
using WeatherFlick.Jobs.Collection.Gateway;

namespace WeatherFlick.Tests.Collection;

/// <summary>
/// The response cache on the Redis client as the job server registers it, each test with its own redis-server to
/// stop, freeze and restart: the cache is an optimisation, so a Redis in trouble is a miss, never a failure.
/// </summary>
public sealed class ResponseCacheTests : IAsyncLifetime
{
    private const int SigStop = 19;
    private const int SigCont = 18;
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"response":{"header":{"resultCode":"0000"},"body":{"items":""}}}""");

    private LocalRedisServer _server = null!;
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _server = await LocalRedisServer.StartAsync(new LocalRedisOptions());
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:cache"] = _server.ConnectionString });
        builder.Services.AddLogging();
        builder.AddRedisClient(ResponseCache.ConnectionName, ResponseCache.ConfigureSettings, ResponseCache.ConfigureConnection);
        builder.Services.AddSingleton<ResponseCache>();
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _server.DisposeAsync();
    }

    private ResponseCache Cache => _host.Services.GetRequiredService<ResponseCache>();

    [Fact]
    public async Task An_answer_round_trips_with_the_raw_response_it_came_from()
    {
        await Cache.SetAsync("kto", "areaCode2", "&pageNo=1", 42, Body, TimeSpan.FromMinutes(1), CancellationToken.None);

        var cached = (await Cache.TryGetAsync("kto", "areaCode2", "&pageNo=1", CancellationToken.None)).ShouldNotBeNull("a stored answer is found");

        cached.RawResponseId.ShouldBe(42L);
        cached.Body.ShouldBe(Body, "the body comes back as it was stored, decompressed");
        (await Cache.TryGetAsync("kto", "areaCode2", "&pageNo=2", CancellationToken.None)).ShouldBeNull("another request is another key");
    }

    [Fact]
    public async Task With_Redis_stopped_every_call_misses_at_once_and_the_cache_works_again_after_Redis_returns()
    {
        await _server.StopAsync();

        var clock = Stopwatch.StartNew();
        await Cache.SetAsync("kto", "areaCode2", "&down=1", 1, Body, TimeSpan.FromMinutes(1), CancellationToken.None);
        var whileDown = await Cache.TryGetAsync("kto", "areaCode2", "&down=1", CancellationToken.None);
        clock.Stop();

        whileDown.ShouldBeNull("a Redis that is down is a miss, not an error");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1), "with no connection, commands fail fast instead of waiting for their timeout");

        await _server.RestartAsync();
        await Infrastructure.Eventually.HoldsAsync(async () =>
        {
            await Cache.SetAsync("kto", "areaCode2", "&back=1", 2, Body, TimeSpan.FromMinutes(1), CancellationToken.None);
            return await Cache.TryGetAsync("kto", "areaCode2", "&back=1", CancellationToken.None) is { RawResponseId: 2 };
        }, TimeSpan.FromSeconds(20), "the multiplexer reconnects by itself and the cache serves again");
    }

    [Fact]
    public async Task A_Redis_that_stops_answering_is_a_miss_after_the_command_timeout()
    {
        await Cache.SetAsync("kto", "areaCode2", "&frozen=1", 3, Body, TimeSpan.FromMinutes(1), CancellationToken.None);
        NativeProcess.Signal(_server.ProcessId, SigStop).ShouldBeTrue("redis-server is running");
        try
        {
            var clock = Stopwatch.StartNew();
            var frozen = await Cache.TryGetAsync("kto", "areaCode2", "&frozen=1", CancellationToken.None);
            clock.Stop();

            frozen.ShouldBeNull("a connected Redis that does not answer times out (RedisTimeoutException), which is a miss");
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5), "the cache's command timeout is a second, not the client's default five");
        }
        finally
        {
            NativeProcess.Signal(_server.ProcessId, SigCont);
        }
    }

    [Fact]
    public async Task Health_check_reports_Redis_unhealthy_while_it_is_down()
    {
        var health = _host.Services.GetRequiredService<HealthCheckService>();
        (await health.CheckHealthAsync()).Status.ShouldBe(HealthStatus.Healthy, "Redis is up at first");

        await _server.StopAsync();
        var report = await health.CheckHealthAsync();

        report.Status.ShouldBe(HealthStatus.Unhealthy, $"Redis is down; entries: {string.Join(", ", report.Entries.Select(e => $"{e.Key}={e.Value.Status}"))}");
        _server.Password.ShouldNotBeEmpty("the test server has a password, or there is nothing to leak");
        foreach (var (name, entry) in report.Entries)
        {
            $"{entry.Description} {entry.Exception}".ShouldNotContain(_server.Password, customMessage: $"the {name} check's reason must never carry the password");
        }
    }
}
