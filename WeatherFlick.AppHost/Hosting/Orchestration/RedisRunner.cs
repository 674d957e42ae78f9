using WeatherFlick.AppHost.Hosting.ApplicationModel;
using WeatherFlick.AppHost.Hosting.Local;

namespace WeatherFlick.AppHost.Hosting.Orchestration;

/// <summary>Runs the installed redis-server; it keeps nothing on disk, like a container without a volume.</summary>
internal sealed class RedisRunner(RedisResource resource, ResourceLoggerService logs) : IResourceRunner
{
    private LocalRedisServer? _server;

    public int StopSignal => NativeProcess.SigTerm;

    public async Task<RunningResource> StartAsync(ResolvedEnvironment environment, Action<int> processStarted, CancellationToken cancellationToken)
    {
        var server = await LocalRedisServer.StartAsync(new LocalRedisOptions
        {
            Port = resource.PrimaryEndpoint.Port,
            Password = resource.PasswordParameter.Value,
            NewSession = true,
            Output = line => logs.Log(resource.Name, line),
            ProcessStarted = processStarted,
        }, cancellationToken).ConfigureAwait(false);
        _server = server;
        return new RunningResource(server.ProcessId, $"{LocalRedisServer.FindServer()} --port {server.Port} (password on stdin)",
            WaitForExitAsync(server), grace => server.StopAsync(grace), server);
    }

    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken) =>
        _server is { HasExited: false } server ? server.PingAsync(cancellationToken) : Task.FromResult(false);

    private static async Task<int?> WaitForExitAsync(LocalRedisServer server)
    {
        await server.WaitForExitAsync().ConfigureAwait(false);
        return server.ExitCode;
    }
}
