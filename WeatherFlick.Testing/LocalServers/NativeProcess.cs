using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace WeatherFlick.Testing.LocalServers;

/// <summary>Process helpers .NET lacks: POSIX signals, liveness by pid, free ports, running as another user.</summary>
public static partial class NativeProcess
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();

    public static bool IsRoot => OperatingSystem.IsLinux() && GetEffectiveUserId() == 0;

    /// <summary>Sends a signal; false when the process no longer exists.</summary>
    public static bool Signal(int pid, int signal) => Kill(pid, signal) == 0;

    public static bool IsAlive(int pid)
    {
        if (Kill(pid, 0) != 0)
        {
            return false;
        }
        // A zombie still answers kill(0) until reaped; it holds no port or lock, so it counts as gone.
        var stat = $"/proc/{pid}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state != "Z" && state != "X";
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Asks a process to stop with <paramref name="signal"/>, then kills it after <paramref name="grace"/>.</summary>
    public static async Task StopAsync(int pid, int signal, TimeSpan grace)
    {
        if (!Signal(pid, signal))
        {
            return;
        }
        var deadline = Stopwatch.StartNew();
        while (IsAlive(pid) && deadline.Elapsed < grace)
        {
            await Task.Delay(50).ConfigureAwait(false);
        }
        if (IsAlive(pid))
        {
            Signal(pid, SigKill);
            while (IsAlive(pid) && deadline.Elapsed < grace + TimeSpan.FromSeconds(5))
            {
                await Task.Delay(50).ConfigureAwait(false);
            }
        }
    }

    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Finds a program on PATH, or null.</summary>
    public static string? Which(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// A start description that runs <paramref name="program"/> as <paramref name="user"/> when we are root.
    /// setpriv execs in place (unlike runuser, which forks), so the pid we hold is the server's own.
    /// </summary>
    public static ProcessStartInfo StartInfoAs(string? user, string program, IEnumerable<string> arguments)
    {
        var chain = new List<string>();
        if (user is not null && IsRoot)
        {
            chain.AddRange([Which("setpriv") ?? "/usr/bin/setpriv", "--reuid", user, "--regid", user, "--init-groups", "--"]);
        }
        chain.Add(program);
        var info = new ProcessStartInfo(chain[0]);
        if (user is not null && IsRoot)
        {
            // The other user may not be allowed into our working directory; "/" it can always enter.
            info.WorkingDirectory = "/";
        }
        foreach (var a in chain.Skip(1).Concat(arguments))
        {
            info.ArgumentList.Add(a);
        }
        info.UseShellExecute = false;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.RedirectStandardInput = false;
        return info;
    }

    /// <summary>
    /// Lets other users pass through (not list) every folder above <paramref name="path"/> when we are root, so a
    /// server running as its own user can reach its data inside, say, a 0700 temporary folder. Returns the folders changed.
    /// </summary>
    public static IReadOnlyList<string> GrantTraverse(string path)
    {
        var changed = new List<string>();
        if (!OperatingSystem.IsLinux() || !IsRoot)
        {
            return changed;
        }
        for (var dir = Directory.GetParent(Path.GetFullPath(path)); dir is not null; dir = dir.Parent)
        {
            var mode = File.GetUnixFileMode(dir.FullName);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                File.SetUnixFileMode(dir.FullName, mode | UnixFileMode.OtherExecute);
                changed.Add(dir.FullName);
            }
        }
        return changed;
    }

    /// <summary>Gives <paramref name="path"/> to <paramref name="user"/> when we are root (PostgreSQL refuses root-owned data).</summary>
    public static async Task ChownAsync(string user, string path, CancellationToken cancellationToken)
    {
        if (!IsRoot)
        {
            return;
        }
        var result = await RunAsync(new ProcessStartInfo("chown", ["-R", $"{user}:{user}", path]) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true }, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"chown {user} {path} failed: {result.Output}");
        }
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(ProcessStartInfo info, CancellationToken cancellationToken)
    {
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {info.FileName}.");
        var stdout = info.RedirectStandardOutput ? process.StandardOutput.ReadToEndAsync(cancellationToken) : Task.FromResult("");
        var stderr = info.RedirectStandardError ? process.StandardError.ReadToEndAsync(cancellationToken) : Task.FromResult("");
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return (process.ExitCode, (await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false)));
    }
}
