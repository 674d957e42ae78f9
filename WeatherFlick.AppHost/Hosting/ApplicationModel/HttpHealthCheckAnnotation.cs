namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>The resource is healthy while GET <see cref="Path"/> on its endpoint answers 2xx.</summary>
public sealed class HttpHealthCheckAnnotation(string endpointName, string path) : IResourceAnnotation
{
    public string EndpointName { get; } = endpointName;

    public string Path { get; } = path;
}
