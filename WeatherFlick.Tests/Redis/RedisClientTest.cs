using WeatherFlick.ServiceDefaults.Redis;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.Redis;

/// <summary>A test class using the collection's shared redis-server through its own connection and its own key prefix.</summary>
public abstract class RedisClientTest(RedisServerFixture redis) : IAsyncLifetime
{
    protected RedisServerFixture Redis { get; } = redis;

    protected RedisConnection Connection { get; private set; } = null!;

    /// <summary>Unique per test (xunit makes a new instance for each), so tests never see each other's keys.</summary>
    protected string Prefix { get; } = $"test:{Guid.NewGuid():N}:";

    public Task InitializeAsync()
    {
        Connection = RedisConnection.Create(Redis.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Connection.DisposeAsync();
}
