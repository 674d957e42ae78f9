namespace WeatherFlick.AppHost.Hosting.Orchestration;

/// <summary>One line a resource wrote to its console (stdout or stderr), numbered from 1 per resource.</summary>
public sealed record LogLine(long LineNumber, DateTime Timestamp, string Content, bool IsError);
