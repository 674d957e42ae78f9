using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace WeatherFlick.AppHost.Hosting.Orchestration;

/// <summary>
/// Every resource's console output: a bounded buffer per resource for the dashboard, live subscriptions, and an echo to
/// the AppHost's console prefixed with the resource name. Known secret values are masked before a line is kept.
/// </summary>
public sealed class ResourceLoggerService(IOptions<AppHostOptions> options)
{
    public const string Mask = "******";

    private readonly object _gate = new();
    private readonly Dictionary<string, ResourceLog> _logs = new(StringComparer.Ordinal);
    private readonly object _consoleGate = new();
    private string[] _secrets = [];

    public void Log(string resourceName, string content, bool isError = false)
    {
        var line = SecretMasking.Mask(content, _secrets);
        LogLine entry;
        lock (_gate)
        {
            var log = GetLog(resourceName);
            entry = new LogLine(++log.LineCount, DateTime.UtcNow, line, isError);
            log.Lines.Enqueue(entry);
            while (log.Lines.Count > options.Value.ConsoleBufferLines)
            {
                log.Lines.Dequeue();
            }
            foreach (var watcher in log.Watchers)
            {
                watcher.Writer.TryWrite(entry);
            }
        }
        if (options.Value.EchoConsole)
        {
            lock (_consoleGate)
            {
                Console.Out.WriteLine($"{resourceName,-10}| {line}");
            }
        }
    }

    public IReadOnlyList<LogLine> GetBacklog(string resourceName)
    {
        lock (_gate)
        {
            return [.. GetLog(resourceName).Lines];
        }
    }

    /// <summary>The lines kept so far, then each new line as it is written.</summary>
    public IAsyncEnumerable<LogLine> WatchAsync(string resourceName, CancellationToken cancellationToken = default)
    {
        // Bounded: a stalled browser tab drops its oldest unread lines instead of growing the AppHost's memory.
        var channel = Channel.CreateBounded<LogLine>(new BoundedChannelOptions(options.Value.ConsoleBufferLines) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        LogLine[] backlog;
        ResourceLog log;
        lock (_gate)
        {
            log = GetLog(resourceName);
            backlog = [.. log.Lines];
            log.Watchers.Add(channel);
        }
        return LiveStream.ReplayThenFollowAsync(backlog, channel, () =>
        {
            lock (_gate)
            {
                log.Watchers.Remove(channel);
            }
        }, cancellationToken);
    }

    /// <summary>Values that must never be shown (generated passwords, keys).</summary>
    internal void AddSecrets(IEnumerable<string> values)
    {
        lock (_gate)
        {
            _secrets = [.. _secrets.Concat(values).Where(v => v.Length >= 4).Distinct()];
        }
    }

    private ResourceLog GetLog(string resourceName)
    {
        if (!_logs.TryGetValue(resourceName, out var log))
        {
            _logs[resourceName] = log = new ResourceLog();
        }
        return log;
    }

    private sealed class ResourceLog
    {
        public Queue<LogLine> Lines { get; } = new();

        public List<Channel<LogLine>> Watchers { get; } = [];

        public long LineCount { get; set; }
    }
}
