using System.Collections.Concurrent;
using System.Diagnostics;
using WeatherFlick.Testing.LocalServers;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.AppHost;

/// <summary>Stopping the whole system leaves nothing running, even when the AppHost itself is killed.</summary>
[Collection(AppHostCollection.Name)]
public sealed class AppHostLifecycleTests
{
    [Fact]
    public async Task Stopping_the_AppHost_stops_every_process_it_started_and_PostgreSQL_shuts_down_cleanly()
    {
        using var data = new TemporaryDirectory("wf-apphost-stop");
        List<ProcessTree.ProcessIdentity> started;
        await using (var app = await WeatherFlickAppFixture.StartAsync(data.Path))
        {
            await WeatherFlickAppFixture.WaitUntilAllHealthyAsync(app);
            started = ResourceProcesses.All(app);
        }

        started.Count.ShouldBeGreaterThanOrEqualTo(5, "PostgreSQL (with its backends), redis-server and the three projects must have been running");
        started.Where(p => p.IsAlive).Select(p => p.CommandLine).ShouldBeEmpty("after the AppHost stops no process of the application may be left");
        (await ClusterStateAsync(Path.Combine(data.Path, "postgres"))).ShouldBe("shut down",
            "the projects stop first and PostgreSQL gets its fast shutdown (SIGINT), so it is never killed under its clients");
    }

    [Fact]
    public async Task After_the_AppHost_is_SIGKILLed_nothing_is_left_running_and_the_next_start_comes_up_healthy()
    {
        using var data = new TemporaryDirectory("wf-apphost-kill");
        var output = new ConcurrentQueue<string>();
        using var killed = StartAppHostProcess(data.Path, output);
        List<ProcessTree.ProcessIdentity> orphans = [];
        try
        {
            await Eventually.HoldsAsync(() => killed.HasExited || output.Any(l => l.Contains("Distributed application started", StringComparison.Ordinal)),
                WeatherFlickAppFixture.StartTimeout, "the AppHost run as its own process must start every resource");
            killed.HasExited.ShouldBeFalse($"the AppHost exited early:\n{string.Join("\n", output)}");
            orphans = ProcessesOf(killed.Id, data.Path);
            orphans.Count.ShouldBeGreaterThanOrEqualTo(6, $"DCP, PostgreSQL, redis-server and the projects must be running; found: {string.Join(" | ", orphans.Select(p => p.CommandLine))}");
        }
        finally
        {
            NativeProcess.Signal(killed.Id, NativeProcess.SigKill);
        }
        await killed.WaitForExitAsync();
        try
        {
            await Eventually.HoldsAsync(() => orphans.All(p => !p.IsAlive), TimeSpan.FromSeconds(45),
                () => $"DCP watches the AppHost and tears everything down when it dies; still alive: {string.Join(" | ", orphans.Where(p => p.IsAlive).Select(p => p.CommandLine))}");

            await using var next = await WeatherFlickAppFixture.StartAsync(data.Path);
            await WeatherFlickAppFixture.WaitUntilAllHealthyAsync(next);
        }
        finally
        {
            // Should the test fail half-way, it must not leave the killed AppHost's processes behind either.
            foreach (var orphan in orphans.Where(p => p.IsAlive))
            {
                NativeProcess.Signal(orphan.ProcessId, NativeProcess.SigKill);
            }
        }
    }

    /// <summary>The built AppHost as a developer's <c>dotnet run</c> starts it, with its dashboard on free ports.</summary>
    private static Process StartAppHostProcess(string dataDirectory, ConcurrentQueue<string> output)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[ProjectOutput.Dll("WeatherFlick.AppHost"), $"--AppHost:DataDirectory={dataDirectory}", "--DcpPublisher:RandomizePorts=true"])
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        info.Environment["ASPNETCORE_URLS"] = $"http://localhost:{NativeProcess.FreeTcpPort()}";
        info.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://localhost:{NativeProcess.FreeTcpPort()}";
        info.Environment["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://localhost:{NativeProcess.FreeTcpPort()}";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// DCP runs detached from the AppHost (its parent is init), so its processes are found by what they name: the
    /// AppHost's pid it monitors, and the data folder PostgreSQL and Redis run in.
    /// </summary>
    private static List<ProcessTree.ProcessIdentity> ProcessesOf(int appHost, string dataDirectory)
    {
        var roots = ProcessTree.All()
            .Where(p => p.CommandLine.Contains($"--monitor {appHost}", StringComparison.Ordinal) || p.CommandLine.Contains(dataDirectory, StringComparison.Ordinal))
            .Select(p => p.ProcessId);
        return [.. roots.SelectMany(ProcessTree.Subtree).DistinctBy(p => p.ProcessId)];
    }

    private static async Task<string> ClusterStateAsync(string cluster)
    {
        var binaries = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_controldata")).First(File.Exists);
        var (_, output, _) = await ChildProcess.RunAsync(binaries, [cluster]);
        return output.Split('\n').First(l => l.StartsWith("Database cluster state:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
    }
}
