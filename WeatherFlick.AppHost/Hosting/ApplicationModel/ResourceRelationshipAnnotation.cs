namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>A link shown on the dashboard, e.g. "Reference" for <c>WithReference</c>.</summary>
public sealed class ResourceRelationshipAnnotation(IResource resource, string type) : IResourceAnnotation
{
    public IResource Resource { get; } = resource;

    public string Type { get; } = type;
}
