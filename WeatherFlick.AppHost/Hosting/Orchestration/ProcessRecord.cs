namespace WeatherFlick.AppHost.Hosting.Orchestration;

/// <summary>
/// A process this AppHost started. The kernel's start time tells it apart from an unrelated process that later
/// got the same pid, so clean-up never signals a stranger.
/// </summary>
internal sealed record ProcessRecord(string Resource, int ProcessId, long StartTicks, int StopSignal)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsStillRunning => Local.NativeProcess.IsAlive(ProcessId) && Local.NativeProcess.StartTicks(ProcessId) == StartTicks;
}
