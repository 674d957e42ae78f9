using WeatherFlick.AppHost.Hosting.ApplicationModel;

namespace WeatherFlick.AppHost.Hosting;

public static class RedisBuilderExtensions
{
    public const string ImageRegistry = "docker.io";
    public const string Image = "library/redis";
    public const string ImageTag = "7.4";

    /// <summary>
    /// A Redis server with a generated password (<c>{name}-password</c>). Run mode starts the installed redis-server on
    /// a free port (or <paramref name="port"/>) keeping nothing on disk; deployed, it is the redis container.
    /// </summary>
    public static IResourceBuilder<RedisResource> AddRedis(this IDistributedApplicationBuilder builder, string name, int? port = null,
        IResourceBuilder<ParameterResource>? password = null)
    {
        var passwordParameter = password?.Resource ?? builder.AddGeneratedSecret($"{name}-password").Resource;
        return builder.AddResource(new RedisResource(name, passwordParameter))
            .WithAnnotation(new ContainerImageAnnotation(ImageRegistry, Image, ImageTag))
            .WithEndpoint(RedisResource.PrimaryEndpointName, "tcp", port, targetPort: 6379)
            // The password reaches the container through the environment, never its command line.
            .WithAnnotation(new CommandLineArgsAnnotation(["-c", "redis-server --requirepass $REDIS_PASSWORD"]))
            .WithEnvironment("REDIS_PASSWORD", passwordParameter);
    }
}
