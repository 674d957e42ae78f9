namespace WeatherFlick.AppHost.Hosting.Orchestration;

/// <summary>Another live AppHost owns the data folder; starting a second one would fight it for the same data and ports.</summary>
public sealed class AppHostAlreadyRunningException(int processId, string dataDirectory)
    : Exception($"Another AppHost (pid {processId}) is running with the data folder {dataDirectory}. Stop it first, or give this one another folder (--AppHost:DataDirectory=<folder>).")
{
    public int ProcessId { get; } = processId;
}
