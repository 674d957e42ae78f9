namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>A .NET project of the solution; in run mode its built assembly run with <c>dotnet</c>.</summary>
public sealed class ProjectResource(string name, IProjectMetadata project)
    : Resource(name), IResourceWithEnvironment, IResourceWithServiceDiscovery, IResourceWithWaitSupport
{
    public IProjectMetadata Project { get; } = project;
}
