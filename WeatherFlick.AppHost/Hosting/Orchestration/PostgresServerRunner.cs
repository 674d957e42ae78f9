using WeatherFlick.AppHost.Hosting.ApplicationModel;
using WeatherFlick.AppHost.Hosting.Local;

namespace WeatherFlick.AppHost.Hosting.Orchestration;

/// <summary>
/// Runs the installed PostgreSQL. With a data volume the cluster lives in <c>volumes/{name}</c> under the data folder
/// and is kept; without one it lives in a throw-away folder removed at stop, as a container's would.
/// </summary>
internal sealed class PostgresServerRunner(PostgresServerResource resource, string dataDirectory, ResourceLoggerService logs) : IResourceRunner
{
    public int StopSignal => NativeProcess.SigInt;

    public async Task<RunningResource> StartAsync(ResolvedEnvironment environment, Action<int> processStarted, CancellationToken cancellationToken)
    {
        var volume = resource.Annotations.OfType<ContainerMountAnnotation>().FirstOrDefault();
        var clusterDirectory = volume is not null
            ? Path.Combine(dataDirectory, "volumes", volume.Source)
            : Path.Combine(dataDirectory, "ephemeral", $"{resource.Name}-{Guid.NewGuid():N}");
        var server = await LocalPostgresServer.StartAsync(new LocalPostgresOptions
        {
            DataDirectory = clusterDirectory,
            Port = resource.PrimaryEndpoint.Port,
            Password = resource.PasswordParameter.Value,
            Ephemeral = volume is null,
            NewSession = true,
            Output = line => logs.Log(resource.Name, line),
            ProcessStarted = processStarted,
        }, cancellationToken).ConfigureAwait(false);

        return new RunningResource(
            server.ProcessId,
            $"{Path.Combine(LocalPostgresServer.FindBinaries(), "postgres")} -D {clusterDirectory} -p {server.Port}",
            WaitForExitAsync(server, volume is null ? clusterDirectory : null),
            grace => server.StopAsync(grace),
            server);
    }

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken) =>
        await PostgresProbe.AnswersAsync(await resource.ConnectionStringExpression.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? "", cancellationToken).ConfigureAwait(false);

    private static async Task<int?> WaitForExitAsync(LocalPostgresServer server, string? throwAwayDirectory)
    {
        await server.WaitForExitAsync().ConfigureAwait(false);
        if (throwAwayDirectory is not null)
        {
            Directory.Delete(throwAwayDirectory, recursive: true);
        }
        return server.ExitCode;
    }
}
