extern alias ApiHost;
extern alias JobsHost;

using System.Diagnostics;
using System.Net;
using WeatherFlick.Testing.LocalServers;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.ServiceDefaults;

/// <summary>The real Api and Jobs hosts: /health covers PostgreSQL and Redis, /alive only the process.</summary>
[Collection(PlatformCollection.Name)]
public sealed class HealthEndpointTests(PostgresServerFixture postgres, RedisServerFixture redis)
{
    public static TheoryData<string> Hosts => ["api", "jobs"];

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Health_is_200_with_PostgreSQL_and_Redis_up_and_503_when_Redis_goes_down(string host)
    {
        await using var ownRedis = await LocalRedisServer.StartAsync(new LocalRedisOptions());
        await using var factory = Create(host, await postgres.CreateDatabaseAsync("health"), ownRedis.ConnectionString);
        using var http = factory.CreateClient();

        (await WaitForStatusAsync(http, HttpStatusCode.OK)).ShouldBe(HttpStatusCode.OK, "with both servers up (and migrations applied) the service is ready");

        await ownRedis.StopAsync();

        (await WaitForStatusAsync(http, HttpStatusCode.ServiceUnavailable)).ShouldBe(HttpStatusCode.ServiceUnavailable, "Redis is down");
        (await http.GetAsync("/alive")).StatusCode.ShouldBe(HttpStatusCode.OK, "liveness does not depend on other servers");
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Health_is_503_with_PostgreSQL_unreachable_while_alive_stays_200(string host)
    {
        var nowhere = $"Host=127.0.0.1;Port={NativeProcess.FreeTcpPort()};Username=postgres;Password=x;Database=weatherflick;Timeout=2";
        await using var factory = Create(host, nowhere, redis.ConnectionString);
        using var http = factory.CreateClient();

        var health = await http.GetAsync("/health");

        health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var body = await health.Content.ReadAsStringAsync();
        body.ShouldContain("\"PostgreSql\"", customMessage: $"Development shows which check failed (Aspire.Npgsql's check is named PostgreSql): {body}");
        body.ShouldNotContain("Password=x", customMessage: "a health report must never show the connection string");
        (await http.GetAsync("/alive")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static IServiceFactory Create(string host, string database, string cache)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:weatherflick"] = database,
            ["ConnectionStrings:cache"] = cache,
            ["Providers:Kto:BaseUrl"] = "http://127.0.0.1:9/B551011/KorService2",
            ["Providers:Kto:Keys:0"] = "health-test-key",
            ["Providers:Kma:BaseUrl"] = "http://127.0.0.1:9/1360000/VilageFcstInfoService_2.0",
            ["Providers:Kma:Keys:0"] = "health-test-key",
        };
        return host == "api" ? new Factory<ApiHost::Program>(new ServiceFactory<ApiHost::Program>(settings)) : new Factory<JobsHost::Program>(new ServiceFactory<JobsHost::Program>(settings));
    }

    private static async Task<HttpStatusCode> WaitForStatusAsync(HttpClient http, HttpStatusCode wanted)
    {
        var clock = Stopwatch.StartNew();
        HttpStatusCode last;
        do
        {
            last = (await http.GetAsync("/health")).StatusCode;
            if (last == wanted)
            {
                break;
            }
            await Task.Delay(200);
        }
        while (clock.Elapsed < TimeSpan.FromSeconds(20));
        return last;
    }

    /// <summary>Either host behind one shape, so one test body covers both.</summary>
    private interface IServiceFactory : IAsyncDisposable
    {
        HttpClient CreateClient();
    }

    private sealed class Factory<TEntryPoint>(ServiceFactory<TEntryPoint> factory) : IServiceFactory where TEntryPoint : class
    {
        public HttpClient CreateClient() => factory.CreateClient();

        public ValueTask DisposeAsync() => factory.DisposeAsync();
    }
}
