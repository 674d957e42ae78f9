using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using WeatherFlick.AppHost.Hosting.ApplicationModel;

namespace WeatherFlick.AppHost.Hosting.Orchestration;

/// <summary>
/// Drives one resource through its states (NotStarted → Waiting → Starting → Running → Stopping → Exited, or
/// FailedToStart), watches its health and its exit, and serialises start, stop and restart.
/// </summary>
internal sealed partial class ResourceController(
    IResource resource,
    IReadOnlyList<IResource> dependencies,
    Func<IResourceRunner> createRunner,
    OrchestrationContext context)
{
    private static readonly TimeSpan UnhealthyRecheck = TimeSpan.FromMilliseconds(500);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private CancellationTokenSource? _startCancellation;
    private RunningResource? _run;
    private bool _stopping;

    public IResource Resource => resource;

    public IReadOnlyList<IResource> Dependencies => dependencies;

    /// <summary>Starts the resource; with <paramref name="waitForDependencies"/>, first waits until each <c>WaitFor</c> dependency is healthy.</summary>
    public async Task StartAsync(bool waitForDependencies, CancellationToken cancellationToken)
    {
        using var start = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.Shutdown);
        _startCancellation = start;
        try
        {
            if (waitForDependencies && dependencies.Count > 0)
            {
                Publish(s => s with { State = KnownResourceStates.Waiting, HealthStatus = null, StateMessage = $"Waiting for {string.Join(", ", dependencies.Select(d => d.Name))} to be healthy" });
                foreach (var dependency in dependencies)
                {
                    await WaitForDependencyAsync(dependency, start.Token).ConfigureAwait(false);
                }
            }
            await _gate.WaitAsync(start.Token).ConfigureAwait(false);
            try
            {
                if (_run is null)
                {
                    await LaunchAsync(start.Token).ConfigureAwait(false);
                }
            }
            finally
            {
                _gate.Release();
            }
        }
        catch (OperationCanceledException) when (start.IsCancellationRequested)
        {
            // Stopped (or the AppHost is shutting down) before it ran: it never started.
            Publish(s => s.State is KnownResourceStates.Waiting or KnownResourceStates.Starting
                ? s with { State = KnownResourceStates.NotStarted, StateMessage = null }
                : s);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailedToStart(context.Logger, resource.Name, e.Message);
            context.Logs.Log(resource.Name, $"Failed to start: {e.Message}", isError: true);
            Publish(s => s with { State = KnownResourceStates.FailedToStart, HealthStatus = null, StateMessage = e.Message, ProcessId = null });
        }
        finally
        {
            _startCancellation = null;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await CancelPendingStartAsync().ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_run is not { } run)
            {
                return;
            }
            _stopping = true;
            Publish(s => s with { State = KnownResourceStates.Stopping });
            await run.StopAsync(context.Options.StopGracePeriod).ConfigureAwait(false);
            var exitCode = await run.Exited.ConfigureAwait(false);
            await MarkExitedAsync(run, exitCode, "Stopped").ConfigureAwait(false);
        }
        finally
        {
            _stopping = false;
            _gate.Release();
        }
    }

    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await StopAsync(cancellationToken).ConfigureAwait(false);
        await StartAsync(waitForDependencies: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task CancelPendingStartAsync()
    {
        var pending = _startCancellation;
        if (pending is not null)
        {
            try
            {
                await pending.CancelAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                // The start finished meanwhile.
            }
        }
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        Publish(s => s with { State = KnownResourceStates.Starting, StateMessage = null, ExitCode = null, StopTime = null });
        var environment = await ResolvedEnvironment.ResolveAsync(resource, context.ExecutionContext, context.Secrets, cancellationToken).ConfigureAwait(false);
        var runner = createRunner();
        var run = await runner.StartAsync(environment, pid => context.RunState.Record(resource.Name, pid, runner.StopSignal), cancellationToken).ConfigureAwait(false);
        _run = run;
        Publish(s => s with
        {
            State = KnownResourceStates.Running,
            StartTime = DateTime.UtcNow,
            ProcessId = run.ProcessId,
            Command = SecretMasking.Mask(run.Command, context.Secrets),
            EnvironmentVariables = environment.Display,
            HealthStatus = null,
        });
        LogRunning(context.Logger, resource.Name, run.ProcessId is { } pid ? $"pid {pid}" : "no process of its own");
        _ = MonitorAsync(run, runner, context.Shutdown);
    }

    /// <summary>Checks health until the run ends (fast while unhealthy), then records how it ended unless a stop did.</summary>
    private async Task MonitorAsync(RunningResource run, IResourceRunner runner, CancellationToken shutdown)
    {
        while (!run.Exited.IsCompleted && !shutdown.IsCancellationRequested)
        {
            bool healthy;
            try
            {
                healthy = await runner.IsHealthyAsync(shutdown).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            if (run.Exited.IsCompleted)
            {
                break;
            }
            var status = healthy ? HealthStatus.Healthy : HealthStatus.Unhealthy;
            Publish(s => s.State == KnownResourceStates.Running && ReferenceEquals(_run, run) ? s with { HealthStatus = status } : s);
            try
            {
                await Task.WhenAny(run.Exited, Task.Delay(healthy ? context.Options.HealthCheckInterval : UnhealthyRecheck, shutdown)).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        if (!run.Exited.IsCompleted)
        {
            return;
        }
        var exitCode = await run.Exited.ConfigureAwait(false);
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_stopping && ReferenceEquals(_run, run))
            {
                LogExitedUnexpectedly(context.Logger, resource.Name, exitCode);
                await MarkExitedAsync(run, exitCode, $"Exited with code {exitCode}").ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task MarkExitedAsync(RunningResource run, int? exitCode, string message)
    {
        if (run.ProcessId is { } pid)
        {
            context.RunState.Forget(pid);
        }
        if (run.Owner is not null)
        {
            await run.Owner.DisposeAsync().ConfigureAwait(false);
        }
        _run = null;
        Publish(s => s with
        {
            State = KnownResourceStates.Exited,
            HealthStatus = null,
            ExitCode = exitCode,
            StopTime = DateTime.UtcNow,
            ProcessId = null,
            StateMessage = message,
        });
    }

    private async Task WaitForDependencyAsync(IResource dependency, CancellationToken cancellationToken)
    {
        var e = await context.Notifications.WaitForResourceAsync(dependency.Name,
            s => s.IsHealthy || KnownResourceStates.IsTerminal(s.State), cancellationToken).ConfigureAwait(false);
        if (!e.Snapshot.IsHealthy)
        {
            throw new InvalidOperationException($"{dependency.Name}, which it waits for, is {e.Snapshot.State}: {e.Snapshot.StateMessage}");
        }
    }

    private void Publish(Func<ResourceSnapshot, ResourceSnapshot> update) => context.Notifications.PublishUpdate(resource, update);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Resource} failed to start: {Reason}")]
    private static partial void LogFailedToStart(ILogger logger, string resource, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Resource} is running ({Process})")]
    private static partial void LogRunning(ILogger logger, string resource, string process);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Resource} exited with code {ExitCode}; restart it from the dashboard")]
    private static partial void LogExitedUnexpectedly(ILogger logger, string resource, int? exitCode);
}
