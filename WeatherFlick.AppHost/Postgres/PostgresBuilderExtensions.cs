using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WeatherFlick.AppHost.Lifecycle;

namespace WeatherFlick.AppHost.Postgres;

public static class PostgresBuilderExtensions
{
    /// <summary>The major version Debian 12 installs, which run mode and the tests use: publish deploys the same.</summary>
    public const string ImageTag = "15";

    /// <summary>
    /// A PostgreSQL server <paramref name="serverName"/> with the database <paramref name="databaseName"/>. Run mode:
    /// the installed binaries as an executable resource. Publish mode: Aspire's own <c>AddPostgres</c> container, so
    /// the manifest deploys with azd.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddPostgresDatabase(this IDistributedApplicationBuilder builder, string serverName, string databaseName)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return builder.AddPostgres(serverName).WithImageTag(ImageTag).WithDataVolume().AddDatabase(databaseName);
        }
        return builder.AddLocalPostgres(serverName).AddDatabase(databaseName);
    }

    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name)
    {
        var password = builder.AddParameter($"{name}-password", new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true, persist: true);
        var server = new LocalPostgresResource(name, password.Resource, LocalVolumes.PathFor(builder, name), LocalPrograms.PostgresBinaries());

        var healthCheck = ConnectionStringHealthChecks.Add(builder, server, (checks, connectionString, key) => checks.AddNpgSql(connectionString, name: key));

        return builder.AddResource(server)
            .WithEndpoint(name: LocalPostgresResource.PrimaryEndpointName, scheme: "tcp", isProxied: false)
            .WithArgs(context =>
            {
                var postgres = Path.Combine(server.Binaries ?? "/usr/lib/postgresql/bin", "postgres");
                foreach (var argument in FastShutdown.Arguments(server.ShutdownScript, PostgresCluster.AsServiceUser(postgres,
                [
                    "-D", server.DataDirectory,
                    "-c", "listen_addresses=localhost",
                    // TCP only: a Unix socket path longer than 107 bytes (a deep data folder) would stop the server.
                    "-c", "unix_socket_directories=",
                    "-c", "max_connections=200",
                ]).Append("-p")))
                {
                    context.Args.Add(argument);
                }
                context.Args.Add(server.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
            })
            .WithHealthCheck(healthCheck)
            .WithIconName("Database")
            .OnBeforeResourceStarted(async (postgres, started, cancellationToken) =>
            {
                var console = started.Services.GetRequiredService<ResourceLoggerService>().GetLogger(postgres);
                try
                {
                    await FastShutdown.WriteScriptAsync(postgres.ShutdownScript, cancellationToken);
                    await PostgresCluster.InitializeAsync(postgres, await postgres.PasswordParameter.GetValueAsync(cancellationToken) ?? "", console, cancellationToken);
                }
                catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
                {
                    console.LogError("{Problem}", e.Message);
                    throw;
                }
            })
            .OnResourceReady(async (postgres, ready, cancellationToken) =>
            {
                var serverConnectionString = await postgres.ConnectionStringExpression.GetValueAsync(cancellationToken)
                    ?? throw new InvalidOperationException($"{postgres.Name} is ready but has no connection string.");
                foreach (var database in postgres.Databases)
                {
                    await PostgresCluster.CreateDatabaseIfMissingAsync(serverConnectionString, database.DatabaseName, cancellationToken);
                }
            });
    }

    /// <summary>A database on the local server, created when the server is first ready; its state follows the server's.</summary>
    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(this IResourceBuilder<LocalPostgresResource> server, string name, string? databaseName = null)
    {
        ChildStateMirror.StartOnce(server.ApplicationBuilder);
        var database = new LocalPostgresDatabaseResource(name, databaseName ?? name, server.Resource);
        server.Resource.Databases.Add(database);

        var healthCheck = ConnectionStringHealthChecks.Add(server.ApplicationBuilder, database, (checks, connectionString, key) => checks.AddNpgSql(connectionString, name: key));

        return server.ApplicationBuilder.AddResource(database)
            .WithHealthCheck(healthCheck)
            .WithIconName("DatabaseMultiple")
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.NotStarted,
                Properties = [new(CustomResourceKnownProperties.Source, server.Resource.Name), new("postgres.database", database.DatabaseName)],
            });
    }
}
