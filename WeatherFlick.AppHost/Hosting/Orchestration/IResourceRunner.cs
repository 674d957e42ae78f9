namespace WeatherFlick.AppHost.Hosting.Orchestration;

/// <summary>Starts one kind of resource on this machine and tells whether it is healthy.</summary>
internal interface IResourceRunner
{
    /// <summary>The signal that asks it to stop cleanly (recorded, so leftovers are stopped the same way).</summary>
    int StopSignal { get; }

    /// <summary>Returns once launched (a server: once it accepts connections); throws when it cannot start.</summary>
    Task<RunningResource> StartAsync(ResolvedEnvironment environment, Action<int> processStarted, CancellationToken cancellationToken);

    Task<bool> IsHealthyAsync(CancellationToken cancellationToken);
}
