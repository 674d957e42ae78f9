using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using WeatherFlick.AppHost;
using WeatherFlick.AppHost.Hosting;
using WeatherFlick.AppHost.Hosting.Local;
using WeatherFlick.AppHost.Hosting.Testing;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.AppHost;

/// <summary>Starting and stopping the whole system leaves nothing running, even when the AppHost itself is killed.</summary>
[Collection(AppHostCollection.Name)]
public sealed class AppHostLifecycleTests
{
    [Fact]
    public async Task Disposing_the_application_stops_every_child_process_it_started()
    {
        IReadOnlyList<ProcessTree.ProcessIdentity> started;
        await using (var app = DistributedApplicationTestingBuilder.Create(WeatherFlickApp.Define).Build())
        {
            await app.StartAsync();
            await WeatherFlickAppFixture.WaitUntilAllHealthyAsync(app);
            started = ResourceProcessTrees(app);

            started.Count.ShouldBeGreaterThanOrEqualTo(5, "postgres (with its backends), redis-server and three dotnet projects must be running");
            started.Where(p => ResourcePids(app).Contains(p.ProcessId))
                .ShouldAllBe(p => ProcessTree.ParentOf(p.ProcessId) == Environment.ProcessId, "every resource process is a child of the process that hosts the application");
        }

        started.Where(p => p.IsAlive).ShouldBeEmpty("after dispose no process of the application may be left: postgres and its backends, redis-server, the projects");
    }

    [Fact]
    public async Task Next_start_after_the_AppHost_is_SIGKILLed_stops_its_orphans_and_comes_up_healthy()
    {
        using var folder = new TemporaryDirectory("wf-apphost-kill");
        var dashboardPort = NativeProcess.FreeTcpPort();
        File.Exists(ProjectOutput.Dll("WeatherFlick.AppHost")).ShouldBeTrue($"the AppHost must have been built ({ProjectOutput.Dll("WeatherFlick.AppHost")})");
        using var killed = Process.Start(new ProcessStartInfo("dotnet",
        [
            ProjectOutput.Dll("WeatherFlick.AppHost"), $"--AppHost:DataDirectory={folder.Path}", $"--AppHost:DashboardPort={dashboardPort}",
            "--AppHost:RandomizePorts=true", "--AppHost:EchoConsole=false",
        ])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        killed.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        killed.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        killed.BeginOutputReadLine();
        killed.BeginErrorReadLine();
        IReadOnlyList<ProcessTree.ProcessIdentity> orphans = [];
        try
        {
            using var dashboard = new HttpClient { BaseAddress = new Uri($"http://localhost:{dashboardPort}") };
            await Eventually.HoldsAsync(async () => await AllHealthyAsync(dashboard), WeatherFlickAppFixture.StartTimeout,
                () => $"the AppHost run as its own process must bring every resource to Running and Healthy; it printed:\n{string.Join("\n", output)}");
            orphans = ProcessTree.Subtree(killed.Id).Where(p => p.ProcessId != killed.Id).ToList();
            orphans.Count.ShouldBeGreaterThanOrEqualTo(5, "the AppHost's children must be in its process tree");
        }
        finally
        {
            NativeProcess.Signal(killed.Id, NativeProcess.SigKill);
        }
        await killed.WaitForExitAsync();
        try
        {
            orphans.Where(p => p.IsAlive).ShouldNotBeEmpty("SIGKILL gives the AppHost no chance to stop its children: they are left running");

            IReadOnlyList<ProcessTree.ProcessIdentity> next;
            await using (var app = DistributedApplicationTestingBuilder.Create(WeatherFlickApp.Define, $"--AppHost:DataDirectory={folder.Path}").Build())
            {
                await app.StartAsync();
                orphans.Where(p => p.IsAlive).ShouldBeEmpty("the next start stops what the killed AppHost left running before it starts anew");
                await WeatherFlickAppFixture.WaitUntilAllHealthyAsync(app);
                next = ResourceProcessTrees(app);
            }

            next.Where(p => p.IsAlive).ShouldBeEmpty("the recovered application leaves nothing running after dispose");
        }
        finally
        {
            // Should the test fail half-way, it must not leave the killed AppHost's children behind either.
            foreach (var orphan in orphans.Where(p => p.IsAlive))
            {
                NativeProcess.Signal(orphan.ProcessId, NativeProcess.SigKill);
            }
        }
    }

    private static HashSet<int> ResourcePids(DistributedApplication app) =>
        [.. app.ResourceNotifications.GetAll().Select(e => e.Snapshot.ProcessId).OfType<int>()];

    private static List<ProcessTree.ProcessIdentity> ResourceProcessTrees(DistributedApplication app) =>
        [.. ResourcePids(app).SelectMany(ProcessTree.Subtree)];

    private static async Task<bool> AllHealthyAsync(HttpClient dashboard)
    {
        try
        {
            var resources = await dashboard.GetFromJsonAsync<JsonElement[]>("/api/resources");
            return resources is { Length: > 0 } && resources.All(r => r.GetProperty("isHealthy").GetBoolean());
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
