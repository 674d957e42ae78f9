using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using WeatherFlick.Data.Migrations;
using WeatherFlick.Data.Telemetry;
using WeatherFlick.Jobs.Collection.Gateway;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.ServiceDefaults;

/// <summary>
/// Our wiring of Microsoft.Extensions.Http.Resilience, against a real server: every client gets the standard
/// pipeline from the service defaults, except the gateway's, whose own retries must be the only ones.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class HttpClientResilienceTests(PostgresServerFixture postgres, RedisServerFixture redis)
{
    [Fact]
    public async Task An_ordinary_client_gets_the_standard_pipeline_so_a_503_is_retried()
    {
        await using var server = await ScriptedHttpServer.StartAsync((context, n) => Answer(context, n == 1 ? 503 : 200));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddServiceDefaults();
        builder.Services.AddHttpClient("ordinary");
        using var host = builder.Build();

        var http = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("ordinary");
        using var response = await http.GetAsync(server.BaseAddress);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "a 503 is transient: the standard pipeline sends the request again");
        server.Requests.ShouldBe(2, "one 503, one retry");
    }

    [Fact]
    public async Task A_gateway_call_reaches_a_failing_server_exactly_MaxAttempts_times()
    {
        await using var server = await ScriptedHttpServer.StartAsync((context, _) => Answer(context, 503));
        var database = await postgres.CreateDatabaseAsync("resilience");
        await using (var dataSource = NpgsqlDataSource.Create(database))
        {
            await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        }
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:weatherflick"] = database,
            ["ConnectionStrings:cache"] = redis.ConnectionString,
            ["Providers:Kto:BaseUrl"] = new Uri(server.BaseAddress, "/B551011/KorService2").ToString(),
            ["Providers:Kto:Keys:0"] = "RESILIENCE+TEST/KEY==",
            ["Providers:Kto:MaxAttempts"] = "3",
            ["Providers:Kto:RetryDelay"] = "00:00:00.010",
            ["Providers:Kto:RatePerSecond"] = "1000",
            ["Providers:Kto:CacheTtl"] = "00:00:00",
            ["Providers:Kma:BaseUrl"] = new Uri(server.BaseAddress, "/1360000/VilageFcstInfoService_2.0").ToString(),
            ["Providers:Kma:Keys:0"] = "RESILIENCE+TEST/KEY==",
        });
        builder.AddServiceDefaults();
        builder.AddNpgsqlDataSource("weatherflick", configureDataSourceBuilder: DatabaseTracing.Configure);
        builder.AddRedisClient(ResponseCache.ConnectionName, ResponseCache.ConfigureSettings, ResponseCache.ConfigureConnection);
        builder.AddCollection();
        using var host = builder.Build();
        await host.StartAsync();

        var result = await host.Services.GetRequiredKeyedService<UpstreamGateway>("kto").CallAsync("areaCode2", [new("_type", "json")], CancellationToken.None);

        result.Outcome.ShouldBeOfType<UpstreamOutcome.Transient>("a server that answers 503 to everything is a transient failure");
        result.Attempts.ShouldBe(3, "the gateway makes MaxAttempts attempts");
        server.Requests.ShouldBe(3,
            "each gateway attempt must reach the server once: a standard pipeline under the gateway would retry every attempt again (4 × 3 = 12)");
        await host.StopAsync();
    }

    private static Task Answer(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsync(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
