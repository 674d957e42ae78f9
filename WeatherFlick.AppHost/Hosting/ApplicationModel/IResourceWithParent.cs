namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>A resource that lives inside another (a database inside its server); it starts after its parent.</summary>
public interface IResourceWithParent : IResource
{
    IResource Parent { get; }
}
