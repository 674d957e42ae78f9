using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WeatherFlick.AppHost.Lifecycle;

/// <summary>
/// On Ctrl+C or SIGTERM, stops the projects before DCP stops everything at once, so each project (the job server
/// above all) finishes or requeues its work while the databases it writes to are still up.
/// </summary>
internal sealed partial class ProjectsStopFirst(
    DistributedApplicationModel model,
    ResourceCommandService commands,
    ResourceNotificationService notifications,
    ILogger<ProjectsStopFirst> logger) : IHostedLifecycleService
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(15);

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var running = model.Resources.OfType<ProjectResource>()
            .Where(project => notifications.TryGetCurrentState(project.Name, out var state) && state.Snapshot.State?.Text == KnownResourceStates.Running)
            .ToList();
        if (running.Count == 0)
        {
            return;
        }
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Budget);
        LogStoppingProjects(string.Join(", ", running.Select(p => p.Name)));
        try
        {
            await Task.WhenAll(running.Select(project => commands.ExecuteCommandAsync(project, KnownResourceCommands.StopCommand, budget.Token)));
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            LogGaveUp(Budget.TotalSeconds);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping the projects before the databases they use: {Projects}")]
    private partial void LogStoppingProjects(string projects);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The projects did not stop within {Seconds} s; stopping everything")]
    private partial void LogGaveUp(double seconds);
}
