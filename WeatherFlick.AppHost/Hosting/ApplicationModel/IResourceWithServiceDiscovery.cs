namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>A resource whose HTTP endpoints others find through <c>services__{name}__{endpoint}__0</c>.</summary>
public interface IResourceWithServiceDiscovery : IResourceWithEndpoints;
