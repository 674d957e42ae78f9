using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using WeatherFlick.Testing.LocalServers;
using WeatherFlick.Simulator.Hosting;
using WeatherFlick.Testing.Simulation;

namespace WeatherFlick.Benchmarks.Collection;

/// <summary>
/// The job server's full catalog sync as operators run it (<c>WeatherFlick.Jobs run tourism-full</c>, a separate
/// process) against the simulator at two catalog sizes: peak resident memory of each (it must not grow with the
/// data), and how many upstream calls a re-run within the cache TTL spends on pages already fetched (target: none).
/// </summary>
public static class FullSyncBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        int[] sizes = args.Length > 0 ? [.. args.Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [20_000, 200_000];
        var folder = Path.Combine(Path.GetTempPath(), $"wf-bench-sync-{Guid.NewGuid():N}");
        await using var postgres = await LocalPostgresServer.StartAsync(new LocalPostgresOptions { DataDirectory = folder, Ephemeral = true });
        var jobs = JobsAssembly();
        Console.WriteLine($"Full sync (tourism-full, 1,000 rows a page, 17 areas × 8 types) in a separate job-server process: {jobs}");
        var peaks = new List<(int Size, double PeakMb)>();
        try
        {
            foreach (var size in sizes)
            {
                // A cache of its own per size: the same request at another size must not be answered from the last one.
                await using var redis = await LocalRedisServer.StartAsync(new LocalRedisOptions());
                await using var sim = await SimulatorServer.StartAsync(o =>
                {
                    o.Size = size;
                    o.RatePerSecond = 0;
                    o.DailyQuota.Kto = 1_000_000;
                    o.FreezeClock = true;
                    o.StartTime = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.FromHours(9));
                });
                var database = $"sync_{size}";
                await postgres.CreateDatabaseIfMissingAsync(database);
                var environment = JobServerSettings.AsEnvironment(JobServerSettings.For(sim, postgres.GetConnectionString(database), redis.ConnectionString, new Dictionary<string, string>
                {
                    ["Providers:Kto:RatePerSecond"] = "1000",
                    ["Providers:Kto:DailyQuota"] = "1000000",
                    ["Providers:Kto:CacheTtl"] = "01:00:00",
                }));
                environment["DOTNET_ENVIRONMENT"] = "Production";

                var (elapsed, peakMb, exitCode) = await RunMeasuredAsync(jobs, environment);
                var callsAfterFirst = await CallsAsync(sim);
                var (againElapsed, againPeakMb, againExit) = await RunMeasuredAsync(jobs, environment);
                var spentAgain = await CallsAsync(sim) - callsAfterFirst;
                peaks.Add((size, peakMb));
                Console.WriteLine($"  {size,7:N0} destinations: {elapsed.TotalSeconds,6:N1} s, peak RSS {peakMb,6:N0} MB, {callsAfterFirst,5:N0} upstream calls (exit {exitCode})");
                Console.WriteLine($"  {size,7:N0} re-run within the cache TTL: {againElapsed.TotalSeconds,6:N1} s, peak RSS {againPeakMb,6:N0} MB, {spentAgain,5:N0} upstream calls spent on pages already fetched (exit {againExit})");
            }
            if (peaks.Count >= 2)
            {
                Console.WriteLine($"  peak memory ratio {peaks[^1].Size:N0} / {peaks[0].Size:N0}: {peaks[^1].PeakMb / peaks[0].PeakMb:N2}x (target ≤ 1.3x, each < 300 MB)");
            }
            return 0;
        }
        finally
        {
            await postgres.StopAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(TimeSpan Elapsed, double PeakMb, int ExitCode)> RunMeasuredAsync(string jobs, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])[jobs, "run", "tourism-full", "--plain"])
        {
            info.ArgumentList.Add(a);
        }
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        double peakKb = 0;
        while (!process.HasExited)
        {
            // VmHWM is the kernel's own high-water mark of resident memory: the last reading before exit is the peak.
            peakKb = Math.Max(peakKb, HighWaterMarkKb(process.Id));
            await Task.Delay(50);
        }
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            Console.WriteLine(await output);
            Console.WriteLine(await errors);
        }
        return (clock.Elapsed, peakKb / 1024, process.ExitCode);
    }

    private static double HighWaterMarkKb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static async Task<long> CallsAsync(SimulatorServer sim)
    {
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };
        var stats = await http.GetFromJsonAsync<JsonElement>("_sim/stats");
        return stats.GetProperty("calls").EnumerateArray().Sum(c => c.GetProperty("count").GetInt64());
    }

    private static string JobsAssembly()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WeatherFlick.sln")))
            {
                var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
                return Path.Combine(dir.FullName, "WeatherFlick.Jobs", "bin", configuration, "net10.0", "WeatherFlick.Jobs.dll");
            }
        }
        throw new InvalidOperationException("Run the benchmark from the repository (dotnet run --project WeatherFlick.Benchmarks).");
    }
}
