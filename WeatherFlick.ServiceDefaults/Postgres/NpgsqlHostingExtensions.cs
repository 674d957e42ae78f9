using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;
using WeatherFlick.ServiceDefaults.Postgres;

namespace Microsoft.Extensions.Hosting;

/// <summary>Our <c>AddNpgsqlDataSource</c>, shaped like Aspire's PostgreSQL client integration.</summary>
public static class NpgsqlHostingExtensions
{
    /// <summary>
    /// Registers one <see cref="NpgsqlDataSource"/> (pooling, logging, tracing and metrics — Npgsql publishes the
    /// <c>Npgsql</c> source and meter itself) from <c>ConnectionStrings:{connectionName}</c>, and a health check.
    /// </summary>
    public static TBuilder AddNpgsqlDataSource<TBuilder>(this TBuilder builder, string connectionName, Action<NpgsqlDataSourceBuilder>? configure = null)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSingleton(services =>
        {
            var connectionString = services.GetRequiredService<IConfiguration>().GetConnectionString(connectionName);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    $"ConnectionStrings:{connectionName} is not set. Set it (e.g. ConnectionStrings__{connectionName}=Host=…;Port=…;Username=…;Password=…;Database=…) or start the system through the AppHost.");
            }
            var dataSource = new NpgsqlDataSourceBuilder(connectionString)
                .UseLoggerFactory(services.GetService<ILoggerFactory>());
            configure?.Invoke(dataSource);
            return dataSource.Build();
        });
        builder.Services.AddSingleton<System.Data.Common.DbDataSource>(services => services.GetRequiredService<NpgsqlDataSource>());

        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            $"postgres-{connectionName}",
            services => new NpgsqlHealthCheck(services.GetRequiredService<NpgsqlDataSource>()),
            failureStatus: HealthStatus.Unhealthy,
            tags: ["ready", "postgres"],
            timeout: TimeSpan.FromSeconds(5)));
        return builder;
    }
}
