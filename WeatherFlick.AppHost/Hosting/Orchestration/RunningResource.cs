namespace WeatherFlick.AppHost.Hosting.Orchestration;

/// <summary>
/// One run of a resource: its process (if any), what it runs, how it ends and how to stop it. <see cref="Owner"/> is
/// disposed once the run has ended, however it ended.
/// </summary>
internal sealed record RunningResource(int? ProcessId, string Command, Task<int?> Exited, Func<TimeSpan, Task> StopAsync, IAsyncDisposable? Owner = null);
