namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>A fact attached to a resource (an endpoint, an environment variable, a dependency), read by run and publish modes.</summary>
public interface IResourceAnnotation;
