using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeatherFlick.ServiceDefaults.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>Our <c>AddRedisClient</c>, shaped like Aspire's StackExchange.Redis client integration.</summary>
public static class RedisHostingExtensions
{
    /// <summary>
    /// Registers one <see cref="RedisConnection"/> for <c>ConnectionStrings:{connectionName}</c> (keyed by
    /// <paramref name="connectionName"/>, and unkeyed for the first name registered), disposed by the host; its
    /// <see cref="RedisClientOptions"/> bound from <c>Redis:{connectionName}</c> and validated at start; and a health
    /// check <c>redis-{connectionName}</c> tagged <c>ready</c>. The connection string is read, and checked, when the
    /// connection is first resolved; connecting waits for the first command.
    /// </summary>
    public static TBuilder AddRedisClient<TBuilder>(this TBuilder builder, string connectionName, Action<RedisClientOptions>? configure = null)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);
        var options = builder.Services.AddOptions<RedisClientOptions>(connectionName)
            .BindConfiguration($"Redis:{connectionName}")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.AddKeyedSingleton(connectionName, (services, _) =>
        {
            var connectionString = services.GetRequiredService<IConfiguration>().GetConnectionString(connectionName);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    $"ConnectionStrings:{connectionName} is not set. Set it (e.g. ConnectionStrings__{connectionName}=localhost:6379,password=…) or start the system through the AppHost.");
            }
            try
            {
                return RedisConnection.Create(
                    connectionString,
                    services.GetRequiredService<IOptionsMonitor<RedisClientOptions>>().Get(connectionName),
                    services.GetService<ILoggerFactory>());
            }
            catch (ArgumentException e)
            {
                throw new InvalidOperationException($"ConnectionStrings:{connectionName} cannot be used: {e.Message}", e);
            }
        });
        builder.Services.TryAddSingleton(services => services.GetRequiredKeyedService<RedisConnection>(connectionName));

        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            $"redis-{connectionName}",
            services => new RedisHealthCheck(
                services.GetRequiredKeyedService<RedisConnection>(connectionName),
                services.GetRequiredService<IOptionsMonitor<RedisClientOptions>>().Get(connectionName).HealthCheckTimeout),
            failureStatus: HealthStatus.Unhealthy,
            tags: ["ready", "redis"]));
        return builder;
    }
}
