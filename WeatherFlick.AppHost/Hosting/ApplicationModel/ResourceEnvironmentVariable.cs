namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>An environment variable as the dashboard shows it: secret values already masked.</summary>
public sealed record ResourceEnvironmentVariable(string Name, string Value, bool IsMasked);
