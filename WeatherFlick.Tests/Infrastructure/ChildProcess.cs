using System.Diagnostics;
using System.Text;

namespace WeatherFlick.Tests.Infrastructure;

/// <summary>Runs a built .NET program as a separate process and collects what it prints.</summary>
public static class ChildProcess
{
    public static Task<(int ExitCode, string Output, string Errors)> RunDotnetAsync(string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan? timeout = null) =>
        WaitAsync(StartDotnet(dll, arguments, environment), Path.GetFileName(dll), timeout);

    /// <summary>Runs any program (no environment of its own) and collects what it prints.</summary>
    public static Task<(int ExitCode, string Output, string Errors)> RunAsync(string program, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        return WaitAsync(Process.Start(info)!, Path.GetFileName(program), timeout);
    }

    private static async Task<(int ExitCode, string Output, string Errors)> WaitAsync(Process started, string name, TimeSpan? timeout)
    {
        using var process = started;
        var info = process.StartInfo;
        var output = new StringBuilder();
        var stdout = Task.Run(async () => output.Append(await process.StandardOutput.ReadToEndAsync()));
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{name} {string.Join(' ', info.ArgumentList)} did not finish in time.");
        }
        await stdout;
        return (process.ExitCode, output.ToString(), await stderr);
    }

    /// <summary>Starts a built .NET program with its output redirected; the caller reads, waits for or kills it.</summary>
    public static Process StartDotnet(string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        return Process.Start(info)!;
    }
}
