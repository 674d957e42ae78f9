namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>A resource that takes environment variables.</summary>
public interface IResourceWithEnvironment : IResource;
