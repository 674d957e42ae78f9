namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>Anything the AppHost models: a server, a database, a project, a parameter.</summary>
public interface IResource
{
    string Name { get; }

    ResourceAnnotationCollection Annotations { get; }
}
