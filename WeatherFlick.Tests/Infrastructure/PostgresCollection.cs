namespace WeatherFlick.Tests.Infrastructure;

/// <summary>Tests that share one PostgreSQL server (each in its own database).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "postgres";
}
