namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>An endpoint as the dashboard shows it.</summary>
public sealed record ResourceUrl(string Name, string Url, bool IsExternal);
