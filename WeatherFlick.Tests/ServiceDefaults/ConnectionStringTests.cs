using WeatherFlick.Simulator.Hosting;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.ServiceDefaults;

/// <summary>
/// The built job server started without one of its connection strings, or with it empty: Aspire's client
/// integrations stop it at start with a message naming the setting.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ConnectionStringTests(PostgresServerFixture postgres, RedisServerFixture redis)
{
    [Theory]
    [InlineData("ConnectionStrings:weatherflick", false)]
    [InlineData("ConnectionStrings:weatherflick", true)]
    [InlineData("ConnectionStrings:cache", false)]
    [InlineData("ConnectionStrings:cache", true)]
    public async Task A_job_server_without_a_connection_string_stops_at_start_naming_the_setting(string setting, bool empty)
    {
        await using var sim = await SimulatorServer.StartAsync(o => o.Size = 1000);

        var (exitCode, printed) = await JobServer.StartExpectingFailureAsync(sim, await postgres.CreateDatabaseAsync("settings"), redis.ConnectionString,
            empty ? new Dictionary<string, string> { [setting] = "" } : [], without: empty ? [] : [setting]);

        exitCode.ShouldNotBe(0, $"a job server without {setting} must not start; it printed {printed}");
        printed.ShouldContain($"'{setting}'", customMessage: $"the message names the missing setting; it printed {printed}");
        printed.ShouldNotContain(redis.Server.Password, customMessage: "the message must not repeat the other connection string's password");
    }
}
