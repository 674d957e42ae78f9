using System.Diagnostics;
using System.Globalization;
using WeatherFlick.Simulator.Hosting;

namespace WeatherFlick.Benchmarks.Simulator;

/// <summary>
/// Latency of 1,000-row areaBasedList2 pages over a 200,000-destination catalogue with latency injection off, measured
/// end to end over loopback HTTP (request, generation of the page, transfer, full read). Prints p50/p99 in one run:
/// <c>dotnet run -c Release --project WeatherFlick.Benchmarks -- simulator [size] [requests]</c>.
/// </summary>
public static class SimulatorBenchmark
{
    public static async Task<int> RunAsync(string[] args, CancellationToken ct = default)
    {
        var size = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
        var requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;

        var startup = Stopwatch.StartNew();
        await using var server = await SimulatorServer.StartAsync(ct: ct, configure: options =>
        {
            options.Size = size;
            options.StartTime = new DateTimeOffset(2025, 7, 1, 9, 0, 0, TimeSpan.FromHours(9));
            options.FreezeClock = true;
            options.RatePerSecond = 0;
            options.LatencyMs = 0;
            options.LatencyJitterMs = 0;
            options.FaultRate = 0;
            options.DailyQuota.Kto = int.MaxValue;
        });
        startup.Stop();
        GC.Collect();
        var heapMb = GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0;

        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var key = Uri.EscapeDataString(server.Options.Keys[0]);
        var pages = size / 1_000;
        string PageUrl(int page, string format, string arrange) =>
            $"B551011/KorService2/areaBasedList2?serviceKey={key}&MobileOS=ETC&MobileApp=Bench&_type={format}&numOfRows=1000&pageNo={page}&arrange={arrange}";

        Console.WriteLine($"Simulator benchmark: areaBasedList2, numOfRows=1000, {size:N0} destinations, latency and fault injection off");
        Console.WriteLine($"  server ready (catalogue generated) in {startup.ElapsedMilliseconds:N0} ms; managed heap after start {heapMb:N0} MB; {Environment.ProcessorCount} CPUs");

        foreach (var (format, arrange) in new[] { ("json", "A"), ("json", "C"), ("xml", "A") })
        {
            // The first page of a sort order pays for sorting the catalogue once; the next 100 warm up the JIT.
            var (cold, _) = await FetchAsync(http, PageUrl(1, format, arrange), ct);
            for (var warm = 0; warm < 100; warm++)
            {
                await FetchAsync(http, PageUrl(warm % pages + 1, format, arrange), ct);
            }
            var timings = new List<double>(requests);
            long bytes = 0;
            var wall = Stopwatch.StartNew();
            for (var i = 0; i < requests; i++)
            {
                var page = (int)((i * 7919L) % pages) + 1;
                var (elapsed, length) = await FetchAsync(http, PageUrl(page, format, arrange), ct);
                timings.Add(elapsed);
                bytes += length;
            }
            wall.Stop();
            timings.Sort();
            Console.WriteLine(
                $"  {format,-4} arrange={arrange}  n={requests}  p50={Percentile(timings, 0.50):F1} ms  p90={Percentile(timings, 0.90):F1} ms  " +
                $"p99={Percentile(timings, 0.99):F1} ms  max={timings[^1]:F1} ms  page={bytes / requests / 1024.0:F0} KB  " +
                $"{requests / wall.Elapsed.TotalSeconds:F0} pages/s  (first page, cold: {cold:F0} ms)");
        }
        return 0;
    }

    private static async Task<(double Milliseconds, long Bytes)> FetchAsync(HttpClient http, string url, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        stopwatch.Stop();
        if (body.Length < 100_000)
        {
            throw new InvalidOperationException($"Expected a full 1,000-row page, got {body.Length} bytes.");
        }
        return (stopwatch.Elapsed.TotalMilliseconds, body.Length);
    }

    private static double Percentile(List<double> sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];
}
