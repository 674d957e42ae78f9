using WeatherFlick.Simulator.Hosting;

namespace WeatherFlick.Testing.Simulation;

/// <summary>The settings that point a job server (in process, as a child process or in a benchmark) at a simulator.</summary>
public static class JobServerSettings
{
    private static readonly string[] Providers = ["Kto", "Kma"];

    /// <summary>
    /// Both providers' base URLs and every simulator key, the response cache off, pacing and retry delays far below
    /// what a test can wait for, then <paramref name="overrides"/>. Keys in the overrides
    /// (<c>Providers:Kto:Keys:0</c> …) replace that provider's simulator keys rather than mixing with them.
    /// </summary>
    public static Dictionary<string, string> For(SimulatorServer sim, string database, string redis, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:weatherflick"] = database,
            ["ConnectionStrings:cache"] = redis,
            ["Providers:Kto:BaseUrl"] = sim.KtoBaseUrl.ToString(),
            ["Providers:Kma:BaseUrl"] = sim.KmaBaseUrl.ToString(),
        };
        foreach (var provider in Providers)
        {
            settings[$"Providers:{provider}:CacheTtl"] = "00:00:00";
            settings[$"Providers:{provider}:RatePerSecond"] = "200";
            settings[$"Providers:{provider}:RetryDelay"] = "00:00:00.010";
            if (overrides?.Keys.Any(name => name.StartsWith($"Providers:{provider}:Keys:", StringComparison.Ordinal)) != true)
            {
                for (var i = 0; i < sim.Options.Keys.Count; i++)
                {
                    settings[$"Providers:{provider}:Keys:{i}"] = sim.Options.Keys[i];
                }
            }
        }
        foreach (var (name, value) in overrides ?? new Dictionary<string, string>())
        {
            settings[name] = value;
        }
        return settings;
    }

    /// <summary>The same settings as environment variables (<c>Providers__Kto__BaseUrl</c>), for a job server run as its own process.</summary>
    public static Dictionary<string, string> AsEnvironment(IReadOnlyDictionary<string, string> settings) =>
        settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
}
