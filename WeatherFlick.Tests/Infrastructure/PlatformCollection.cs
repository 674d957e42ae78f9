namespace WeatherFlick.Tests.Infrastructure;

/// <summary>Tests that need both a PostgreSQL and a Redis server (each test in its own database and key space).</summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PostgresServerFixture>, ICollectionFixture<RedisServerFixture>
{
    public const string Name = "platform";
}
