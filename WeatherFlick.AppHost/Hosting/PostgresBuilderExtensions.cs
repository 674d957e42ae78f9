using WeatherFlick.AppHost.Hosting.ApplicationModel;

namespace WeatherFlick.AppHost.Hosting;

public static class PostgresBuilderExtensions
{
    public const string ImageRegistry = "docker.io";
    public const string Image = "library/postgres";
    public const string ImageTag = "17.6";
    private const string DataTarget = "/var/lib/postgresql/data";

    /// <summary>
    /// A PostgreSQL server with a generated superuser password (<c>{name}-password</c>). Run mode starts the installed
    /// PostgreSQL on a free port (or <paramref name="port"/>); deployed, it is the postgres container.
    /// </summary>
    public static IResourceBuilder<PostgresServerResource> AddPostgres(this IDistributedApplicationBuilder builder, string name,
        IResourceBuilder<ParameterResource>? password = null, int? port = null)
    {
        var passwordParameter = password?.Resource ?? builder.AddGeneratedSecret($"{name}-password").Resource;
        return builder.AddResource(new PostgresServerResource(name, passwordParameter))
            .WithAnnotation(new ContainerImageAnnotation(ImageRegistry, Image, ImageTag))
            .WithEndpoint(PostgresServerResource.PrimaryEndpointName, "tcp", port, targetPort: 5432)
            .WithEnvironment("POSTGRES_HOST_AUTH_METHOD", "scram-sha-256")
            .WithEnvironment("POSTGRES_INITDB_ARGS", "--auth-host=scram-sha-256 --auth-local=scram-sha-256")
            .WithEnvironment("POSTGRES_USER", PostgresServerResource.UserName)
            .WithEnvironment("POSTGRES_PASSWORD", passwordParameter);
    }

    /// <summary>Keeps the cluster across runs: a named volume when deployed, <c>volumes/{name}</c> under the data folder in run mode.</summary>
    public static IResourceBuilder<PostgresServerResource> WithDataVolume(this IResourceBuilder<PostgresServerResource> builder, string? name = null) =>
        builder.WithAnnotation(new ContainerMountAnnotation(name ?? VolumeNames.Generate(builder, "data"), DataTarget));

    /// <summary>A database inside the server, created when missing once the server runs.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> builder, string name, string? databaseName = null)
    {
        builder.Resource.Databases[name] = databaseName ?? name;
        return builder.ApplicationBuilder.AddResource(new PostgresDatabaseResource(name, databaseName ?? name, builder.Resource));
    }
}
