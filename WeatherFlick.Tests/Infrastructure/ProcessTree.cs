using System.Globalization;

namespace WeatherFlick.Tests.Infrastructure;

/// <summary>The process tree as /proc shows it, to check what a test's processes left behind.</summary>
public static class ProcessTree
{
    /// <summary>A process identified by pid and kernel start time, so a reused pid is never mistaken for it.</summary>
    public sealed record ProcessIdentity(int ProcessId, long StartTicks, string CommandLine)
    {
        public bool IsAlive => Read(ProcessId) is { } now && now.StartTicks == StartTicks && now.State is not ("Z" or "X");
    }

    public static int? ParentOf(int pid) => Read(pid)?.ParentId;

    /// <summary>Every process on the machine.</summary>
    public static IReadOnlyList<ProcessIdentity> All() =>
    [
        .. Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(System.IO.Path.GetFileName(d), out var p) ? Read(p) : null)
            .OfType<Stat>()
            .Select(s => new ProcessIdentity(s.ProcessId, s.StartTicks, CommandLine(s.ProcessId))),
    ];

    /// <summary>The process and everything below it.</summary>
    public static IReadOnlyList<ProcessIdentity> Subtree(int pid)
    {
        var all = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(System.IO.Path.GetFileName(d), out var p) ? Read(p) : null)
            .OfType<Stat>()
            .ToList();
        var result = new List<ProcessIdentity>();
        var pending = new Queue<int>([pid]);
        while (pending.TryDequeue(out var current))
        {
            var stat = all.FirstOrDefault(s => s.ProcessId == current);
            if (stat is null)
            {
                continue;
            }
            result.Add(new ProcessIdentity(stat.ProcessId, stat.StartTicks, CommandLine(stat.ProcessId)));
            foreach (var child in all.Where(s => s.ParentId == current))
            {
                pending.Enqueue(child.ProcessId);
            }
        }
        return result;
    }

    private sealed record Stat(int ProcessId, int ParentId, string State, long StartTicks);

    private static Stat? Read(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return new Stat(pid, int.Parse(fields[1], CultureInfo.InvariantCulture), fields[0], long.Parse(fields[19], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
