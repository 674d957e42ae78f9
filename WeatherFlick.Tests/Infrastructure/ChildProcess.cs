using System.Diagnostics;
using System.Text;

namespace WeatherFlick.Tests.Infrastructure;

/// <summary>Runs a built .NET program as a separate process and collects what it prints.</summary>
public static class ChildProcess
{
    public static async Task<(int ExitCode, string Output, string Errors)> RunDotnetAsync(string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan? timeout = null)
    {
        using var process = StartDotnet(dll, arguments, environment);
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
            throw new TimeoutException($"{Path.GetFileName(dll)} {string.Join(' ', info.ArgumentList.Skip(1))} did not finish in time.");
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
