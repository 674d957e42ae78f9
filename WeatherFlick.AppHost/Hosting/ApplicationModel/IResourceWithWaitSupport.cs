namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>A resource whose start can wait for other resources (<c>WaitFor</c>).</summary>
public interface IResourceWithWaitSupport : IResource;
