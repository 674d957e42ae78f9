namespace WeatherFlick.Tests.Infrastructure;

/// <summary>Tests that share one Redis server (each using its own key prefix).</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServerFixture>
{
    public const string Name = "redis";
}
