using System.Text.Json;
using Microsoft.Extensions.Logging;
using WeatherFlick.AppHost.Hosting.Local;

namespace WeatherFlick.AppHost.Hosting.Orchestration;

/// <summary>
/// The file <c>run/processes.json</c> under the data folder: this AppHost's pid and every child it started, with their
/// kernel start times. If the AppHost dies without stopping its children (SIGKILL, a crash, a closed terminal), the next
/// start reads it and stops the leftovers before it starts anew, so no port or data folder stays locked.
/// </summary>
internal sealed partial class RunStateStore
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly object _gate = new();
    private readonly string _path;
    private readonly RunStateFile _state;

    private RunStateStore(string path, RunStateFile state)
    {
        _path = path;
        _state = state;
    }

    /// <summary>Stops the previous run's leftovers, then records this AppHost as the folder's owner.</summary>
    public static async Task<RunStateStore> ClaimAsync(string dataDirectory, TimeSpan grace, ILogger logger, CancellationToken cancellationToken)
    {
        var path = Path.Combine(dataDirectory, "run", "processes.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var self = Environment.ProcessId;
        var previous = await ReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (previous is not null)
        {
            if (previous.AppHost.ProcessId != self && previous.AppHost.IsStillRunning)
            {
                throw new AppHostAlreadyRunningException(previous.AppHost.ProcessId, dataDirectory);
            }
            // Dependents first, as at a normal stop: they were recorded after what they depend on.
            foreach (var leftover in Enumerable.Reverse(previous.Processes).Where(p => p.IsStillRunning))
            {
                LogStoppingLeftover(logger, leftover.Resource, leftover.ProcessId);
                await NativeProcess.StopAsync(leftover.ProcessId, leftover.StopSignal, grace).ConfigureAwait(false);
            }
        }
        var store = new RunStateStore(path, new RunStateFile(new ProcessRecord("apphost", self, NativeProcess.StartTicks(self) ?? 0, NativeProcess.SigTerm), []));
        store.Save();
        return store;
    }

    public void Record(string resource, int processId, int stopSignal)
    {
        lock (_gate)
        {
            _state.Processes.Add(new ProcessRecord(resource, processId, NativeProcess.StartTicks(processId) ?? 0, stopSignal));
            Save();
        }
    }

    public void Forget(int processId)
    {
        lock (_gate)
        {
            if (_state.Processes.RemoveAll(p => p.ProcessId == processId) > 0)
            {
                Save();
            }
        }
    }

    /// <summary>A clean stop leaves nothing to clean up.</summary>
    public void Release()
    {
        lock (_gate)
        {
            File.Delete(_path);
        }
    }

    private void Save()
    {
        // Written whole to a temporary file and renamed: a kill in mid-write must not leave half a record.
        var temporary = _path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(_state, Json));
        File.Move(temporary, _path, overwrite: true);
    }

    private static async Task<RunStateFile?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<RunStateFile>(stream, Json, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping {Resource} (pid {ProcessId}), left running by a previous AppHost that did not stop cleanly")]
    private static partial void LogStoppingLeftover(ILogger logger, string resource, int processId);
}
