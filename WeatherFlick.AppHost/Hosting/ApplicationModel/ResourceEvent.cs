namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

public sealed record ResourceEvent(IResource Resource, ResourceSnapshot Snapshot);
