using System.Threading.Channels;
using WeatherFlick.AppHost.Hosting.ApplicationModel;

namespace WeatherFlick.AppHost.Hosting.Orchestration;

/// <summary>The current snapshot of every resource and a stream of their changes (Aspire's service of the same name).</summary>
public sealed class ResourceNotificationService
{
    private readonly object _gate = new();
    private readonly DistributedApplicationModel _model;
    private readonly Dictionary<string, ResourceEvent> _current = new(StringComparer.Ordinal);
    private readonly List<Channel<ResourceEvent>> _watchers = [];

    public ResourceNotificationService(DistributedApplicationModel model)
    {
        _model = model;
        foreach (var resource in model.Resources.Where(IsShown))
        {
            _current[resource.Name] = new ResourceEvent(resource, new ResourceSnapshot
            {
                Name = resource.Name,
                ResourceType = TypeName(resource),
                WaitsFor = [.. resource.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name)],
                References = [.. resource.Annotations.OfType<ResourceRelationshipAnnotation>().Where(r => r.Type == "Reference").Select(r => r.Resource.Name)],
            });
        }
    }

    /// <summary>Parameters are inputs, not things that run: they appear only inside the environment of those that use them.</summary>
    public static bool IsShown(IResource resource) => resource is not ParameterResource;

    public IReadOnlyList<ResourceEvent> GetAll()
    {
        lock (_gate)
        {
            return [.. _model.Resources.Where(IsShown).Select(r => _current[r.Name])];
        }
    }

    public ResourceSnapshot GetCurrent(string resourceName)
    {
        lock (_gate)
        {
            return _current.TryGetValue(resourceName, out var e)
                ? e.Snapshot
                : throw new ArgumentException($"No resource named '{resourceName}'.", nameof(resourceName));
        }
    }

    public void PublishUpdate(IResource resource, Func<ResourceSnapshot, ResourceSnapshot> update)
    {
        lock (_gate)
        {
            var previous = _current[resource.Name].Snapshot;
            var next = update(previous);
            if (next == previous)
            {
                return;
            }
            var e = new ResourceEvent(resource, next);
            _current[resource.Name] = e;
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(e);
            }
        }
    }

    /// <summary>Every resource's current snapshot, then each change as it happens.</summary>
    public IAsyncEnumerable<ResourceEvent> WatchAsync(CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<ResourceEvent>(new UnboundedChannelOptions { SingleReader = true });
        ResourceEvent[] initial;
        lock (_gate)
        {
            initial = [.. _model.Resources.Where(IsShown).Select(r => _current[r.Name])];
            _watchers.Add(channel);
        }
        return LiveStream.ReplayThenFollowAsync(initial, channel, () =>
        {
            lock (_gate)
            {
                _watchers.Remove(channel);
            }
        }, cancellationToken);
    }

    public async Task<ResourceEvent> WaitForResourceAsync(string resourceName, Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken = default)
    {
        GetCurrent(resourceName);
        await foreach (var e in WatchAsync(cancellationToken).ConfigureAwait(false))
        {
            if (e.Resource.Name == resourceName && predicate(e.Snapshot))
            {
                return e;
            }
        }
        throw new OperationCanceledException(cancellationToken);
    }

    public Task<ResourceEvent> WaitForResourceAsync(string resourceName, string targetState, CancellationToken cancellationToken = default) =>
        WaitForResourceAsync(resourceName, s => s.State == targetState, cancellationToken);

    /// <summary>Waits until the resource is running and healthy; throws if it fails to start.</summary>
    public async Task<ResourceEvent> WaitForResourceHealthyAsync(string resourceName, CancellationToken cancellationToken = default)
    {
        var e = await WaitForResourceAsync(resourceName, s => s.IsHealthy || s.State == KnownResourceStates.FailedToStart, cancellationToken).ConfigureAwait(false);
        return e.Snapshot.State == KnownResourceStates.FailedToStart
            ? throw new InvalidOperationException($"Resource '{resourceName}' failed to start: {e.Snapshot.StateMessage}")
            : e;
    }

    private static string TypeName(IResource resource) => resource switch
    {
        ContainerResource => "Container",
        PostgresDatabaseResource => "Database",
        ProjectResource => "Project",
        ExecutableResource => "Executable",
        _ => resource.GetType().Name.Replace("Resource", "", StringComparison.Ordinal),
    };
}
