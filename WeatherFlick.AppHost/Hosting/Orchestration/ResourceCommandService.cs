namespace WeatherFlick.AppHost.Hosting.Orchestration;

/// <summary>Starts, stops or restarts one resource while the application runs (the dashboard's buttons call it).</summary>
public sealed class ResourceCommandService
{
    private readonly ApplicationOrchestrator _orchestrator;

    internal ResourceCommandService(ApplicationOrchestrator orchestrator) => _orchestrator = orchestrator;

    /// <summary>Returns when the command is done: started resources are launched (not necessarily healthy yet).</summary>
    public Task ExecuteCommandAsync(string resourceName, string commandName, CancellationToken cancellationToken = default)
    {
        var controller = _orchestrator.GetController(resourceName);
        return commandName switch
        {
            KnownResourceCommands.StartCommand => controller.StartAsync(waitForDependencies: false, cancellationToken),
            KnownResourceCommands.StopCommand => controller.StopAsync(cancellationToken),
            KnownResourceCommands.RestartCommand => controller.RestartAsync(cancellationToken),
            _ => throw new ArgumentException($"Unknown command '{commandName}'.", nameof(commandName)),
        };
    }
}
