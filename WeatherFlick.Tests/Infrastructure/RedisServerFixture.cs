using WeatherFlick.Testing.LocalServers;

namespace WeatherFlick.Tests.Infrastructure;

/// <summary>A real <c>redis-server</c> for a test collection, on a free port with a password.</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    public LocalRedisServer Server { get; private set; } = null!;

    public string ConnectionString => Server.ConnectionString;

    public async Task InitializeAsync() =>
        Server = await LocalRedisServer.StartAsync(new LocalRedisOptions());

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
