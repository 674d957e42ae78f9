namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>A resource that listens on one or more endpoints.</summary>
public interface IResourceWithEndpoints : IResource
{
    EndpointReference GetEndpoint(string name) => new(this, name);
}
