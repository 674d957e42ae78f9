using Microsoft.Extensions.Logging;

namespace WeatherFlick.AppHost.Hosting.Orchestration;

/// <summary>What every <see cref="ResourceController"/> of one run shares.</summary>
internal sealed record OrchestrationContext(
    DistributedApplicationExecutionContext ExecutionContext,
    ResourceNotificationService Notifications,
    ResourceLoggerService Logs,
    RunStateStore RunState,
    AppHostOptions Options,
    IReadOnlyCollection<string> Secrets,
    ILogger Logger,
    CancellationToken Shutdown);
