using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeatherFlick.AppHost.Hosting.ApplicationModel;

namespace WeatherFlick.AppHost.Hosting.Orchestration;

/// <summary>
/// Run mode: checks prerequisites, stops what a previous AppHost left running, gives parameters and endpoints their
/// values, then starts every resource (each after what it waits for) and, at shutdown, stops them dependents first.
/// </summary>
internal sealed partial class ApplicationOrchestrator(
    DistributedApplicationModel model,
    DistributedApplicationExecutionContext executionContext,
    ResourceNotificationService notifications,
    ResourceLoggerService logs,
    IConfiguration configuration,
    IOptions<AppHostOptions> options,
    ILogger<ApplicationOrchestrator> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _shutdown = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) });
    private readonly List<Task> _starts = [];
    private Dictionary<string, ResourceController> _controllers = [];
    private RunStateStore? _runState;

    public ResourceController GetController(string resourceName) =>
        _controllers.TryGetValue(resourceName, out var controller)
            ? controller
            : throw new ArgumentException($"No running resource named '{resourceName}'.", nameof(resourceName));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (executionContext.IsPublishMode)
        {
            return;
        }
        var settings = options.Value;
        Prerequisites.Check(model);
        Directory.CreateDirectory(settings.DataDirectory);
        _runState = await RunStateStore.ClaimAsync(settings.DataDirectory, settings.StopGracePeriod, logger, cancellationToken).ConfigureAwait(false);
        await ParameterValues.ResolveAsync(model, configuration, settings.DataDirectory, cancellationToken).ConfigureAwait(false);
        var secrets = model.Resources.OfType<ParameterResource>().Where(p => p.Secret).Select(p => p.Value).ToArray();
        logs.AddSecrets(secrets);
        EndpointAllocator.Allocate(model, settings.RandomizePorts);

        var context = new OrchestrationContext(executionContext, notifications, logs, _runState, settings, secrets, logger, _shutdown.Token);
        _controllers = model.Resources.Where(ResourceNotificationService.IsShown).ToDictionary(
            r => r.Name,
            r => new ResourceController(r, DependenciesOf(r), () => CreateRunner(r, settings), context));
        foreach (var controller in _controllers.Values)
        {
            notifications.PublishUpdate(controller.Resource, s => s with { Urls = UrlsOf(controller.Resource) });
        }
        LogStarting(logger, _controllers.Count, settings.DataDirectory);
        _starts.AddRange(_controllers.Values.Select(c => Task.Run(() => c.StartAsync(waitForDependencies: true, _shutdown.Token), CancellationToken.None)));
        _ = ReportWhenHealthyAsync(_shutdown.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_runState is null)
        {
            return;
        }
        await _shutdown.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_starts).ConfigureAwait(false);
        foreach (var controller in ResourceGraph.StopOrder(_controllers.Values))
        {
            try
            {
                // Not cancelled by the host's shutdown timeout: every child must be stopped, however long it takes.
                await controller.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or TimeoutException)
            {
                // One resource that fails to stop cleanly must not keep the others running.
                LogStopFailed(logger, controller.Resource.Name, e.Message);
            }
        }
        _runState.Release();
        _runState = null;
        LogStopped(logger);
    }

    public void Dispose()
    {
        _shutdown.Dispose();
        _http.Dispose();
    }

    /// <summary>What a resource waits for: its <c>WaitFor</c> targets, and its parent (a database waits for its server).</summary>
    private static IReadOnlyList<IResource> DependenciesOf(IResource resource) =>
    [
        .. resource is IResourceWithParent child ? [child.Parent] : Array.Empty<IResource>(),
        .. resource.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource),
    ];

    private IResourceRunner CreateRunner(IResource resource, AppHostOptions settings) => resource switch
    {
        PostgresServerResource postgres => new PostgresServerRunner(postgres, settings.DataDirectory, logs),
        PostgresDatabaseResource database => new PostgresDatabaseRunner(database),
        RedisResource redis => new RedisRunner(redis, logs),
        ProjectResource project => ProcessRunner.ForProject(project, logs, _http),
        ExecutableResource executable => ProcessRunner.ForExecutable(executable, logs, _http),
        _ => throw new NotSupportedException($"Run mode cannot start a {resource.GetType().Name}."),
    };

    private static System.Collections.Immutable.ImmutableArray<ResourceUrl> UrlsOf(IResource resource) =>
    [
        .. resource.Annotations.OfType<EndpointAnnotation>()
            .Where(e => e.AllocatedEndpoint is not null)
            .Select(e => new ResourceUrl(e.Name, e.AllocatedEndpoint!.UriString, e.IsExternal)),
    ];

    private async Task ReportWhenHealthyAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            foreach (var name in _controllers.Keys)
            {
                await notifications.WaitForResourceHealthyAsync(name, cancellationToken).ConfigureAwait(false);
            }
            LogAllHealthy(logger, _controllers.Count, clock.Elapsed.TotalSeconds);
            foreach (var e in notifications.GetAll().Where(e => e.Snapshot.Urls.Length > 0 && e.Resource is ProjectResource or ExecutableResource))
            {
                LogUrl(logger, e.Resource.Name, string.Join(", ", e.Snapshot.Urls.Select(u => u.Url)));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
        {
            // Shutting down, or a resource failed to start (already logged with its reason).
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting {Count} resources (data folder {DataDirectory})")]
    private static partial void LogStarting(ILogger logger, int count, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "All {Count} resources are running and healthy after {Seconds:0.0} s")]
    private static partial void LogAllHealthy(ILogger logger, int count, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "  {Resource}: {Urls}")]
    private static partial void LogUrl(ILogger logger, string resource, string urls);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Resource} did not stop cleanly: {Reason}")]
    private static partial void LogStopFailed(ILogger logger, string resource, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Every resource is stopped")]
    private static partial void LogStopped(ILogger logger);
}
