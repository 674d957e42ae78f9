namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>The resource starts only once <see cref="Resource"/> is running and healthy.</summary>
public sealed class WaitAnnotation(IResource resource) : IResourceAnnotation
{
    public IResource Resource { get; } = resource;
}
