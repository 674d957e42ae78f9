using Microsoft.Extensions.DependencyInjection;
using WeatherFlick.Data.Migrations;

namespace Microsoft.Extensions.Hosting;

public static class DataHostingExtensions
{
    /// <summary>
    /// Migrates the database at start (safely when several instances start together) and reports readiness as the
    /// <c>database-schema</c> health check. Needs an <c>NpgsqlDataSource</c> (<c>AddNpgsqlDataSource("weatherflick")</c>).
    /// </summary>
    public static TBuilder AddDatabaseMigrations<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddSingleton<SchemaReadiness>();
        builder.Services.AddHostedService<MigrationHostedService>();
        builder.Services.AddHealthChecks().AddCheck<SchemaHealthCheck>("database-schema", tags: ["ready"]);
        return builder;
    }
}
