using Microsoft.Extensions.Options;
using WeatherFlick.Simulator.Hosting;

namespace WeatherFlick.Simulator.Gateway;

/// <summary>The registered service keys, compared in their raw form after the query's single decode.</summary>
internal sealed class ServiceKeys(IOptions<SimulatorOptions> options)
{
    private readonly Dictionary<string, string> _fingerprints = options.Value.Keys
        .Distinct(StringComparer.Ordinal)
        .ToDictionary(key => key, KeyFingerprint.Of, StringComparer.Ordinal);

    /// <summary>data.go.kr accepts both spellings of the parameter name.</summary>
    public static string? Presented(QueryParameters query) => query["serviceKey"] ?? query["ServiceKey"];

    public bool TryIdentify(string? presented, out string fingerprint)
    {
        fingerprint = "";
        return presented is not null && _fingerprints.TryGetValue(presented, out fingerprint!);
    }
}
