namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>
/// A resource deployed as a container. Without a container engine here, run mode starts the same server from its
/// installed program (see <c>Hosting/Local</c>); the manifest still describes the container.
/// </summary>
public abstract class ContainerResource(string name, string? entrypoint = null) : Resource(name), IResourceWithEnvironment, IResourceWithEndpoints, IResourceWithWaitSupport
{
    public string? Entrypoint { get; } = entrypoint;
}
