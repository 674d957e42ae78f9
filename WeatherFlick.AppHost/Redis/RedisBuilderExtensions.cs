using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WeatherFlick.AppHost.Redis;

public static class RedisBuilderExtensions
{
    /// <summary>The version line Debian 12 installs, which run mode and the tests use: publish deploys the same.</summary>
    public const string ImageTag = "7.0";

    /// <summary>
    /// A Redis server <paramref name="name"/>. Run mode: the installed <c>redis-server</c> as an executable resource.
    /// Publish mode: Aspire's own <c>AddRedis</c> container, so the manifest deploys with azd.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddRedisCache(this IDistributedApplicationBuilder builder, string name)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return builder.AddRedis(name).WithImageTag(ImageTag);
        }
        return builder.AddLocalRedis(name);
    }

    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(this IDistributedApplicationBuilder builder, string name)
    {
        var password = builder.AddParameter($"{name}-password", new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true, persist: true);
        var redis = new LocalRedisResource(name, password.Resource, LocalVolumes.PathFor(builder, name), LocalPrograms.RedisServer());

        var healthCheck = ConnectionStringHealthChecks.Add(builder, redis, (checks, connectionString, key) => checks.AddRedis(connectionString, name: key));

        return builder.AddResource(redis)
            .WithEndpoint(name: LocalRedisResource.PrimaryEndpointName, scheme: "tcp", isProxied: false)
            // The password is in the configuration file, never on a command line that every local user can read.
            .WithArgs(context =>
            {
                context.Args.Add(redis.ConfigurationFile);
                context.Args.Add("--port");
                context.Args.Add(redis.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
            })
            .WithHealthCheck(healthCheck)
            .WithIconName("Memory")
            .OnBeforeResourceStarted(async (resource, started, cancellationToken) =>
            {
                if (!resource.IsInstalled)
                {
                    var problem = LocalPrograms.InstallHint("redis-server");
                    started.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource).LogError("{Problem}", problem);
                    throw new InvalidOperationException(problem);
                }
                await WriteConfigurationAsync(resource, await resource.PasswordParameter.GetValueAsync(cancellationToken) ?? "", cancellationToken);
            });
    }

    private static async Task WriteConfigurationAsync(LocalRedisResource redis, string password, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(redis.DataDirectory);
        var quoted = password.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        // Created owner-only before the secret is written into it.
        await using (var file = new FileStream(redis.ConfigurationFile, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        await using (var writer = new StreamWriter(file))
        {
            await writer.WriteAsync($"""
                # Written by the AppHost at every start; edits are lost.
                bind 127.0.0.1 -::1
                protected-mode no
                daemonize no
                dir "{redis.DataDirectory}"
                appendonly yes
                save ""
                requirepass "{quoted}"

                """.AsMemory(), cancellationToken);
        }
        File.SetUnixFileMode(redis.ConfigurationFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
