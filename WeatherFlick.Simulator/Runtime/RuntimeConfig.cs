using WeatherFlick.Simulator.Faults;
using WeatherFlick.Simulator.Gateway;
using WeatherFlick.Simulator.Hosting;

namespace WeatherFlick.Simulator.Runtime;

/// <summary>
/// The settings that can change while the simulator runs (<c>GET/PUT /_sim/config</c>). Immutable: a change swaps
/// the whole snapshot, so a request never sees half of an update.
/// </summary>
internal sealed record RuntimeConfig(
    int LatencyMs,
    int LatencyJitterMs,
    double FaultRate,
    IReadOnlyDictionary<FaultKind, int> FaultWeights,
    int SlowMs,
    int HangSeconds,
    QuotaLimits DailyQuota,
    IReadOnlyDictionary<string, QuotaLimits> KeyQuotas,
    double RatePerSecond,
    int RateBurst)
{
    public static RuntimeConfig From(SimulatorOptions options) => new(
        options.LatencyMs,
        options.LatencyJitterMs,
        options.FaultRate,
        FaultKinds.WeightsOf(options.FaultWeights),
        options.SlowMs,
        options.HangSeconds,
        QuotaLimits.From(options.DailyQuota),
        options.KeyQuotas.ToDictionary(pair => pair.Key.ToLowerInvariant(), pair => QuotaLimits.From(pair.Value), StringComparer.Ordinal),
        options.RatePerSecond,
        options.RateBurst);

    public int QuotaFor(string fingerprint, Provider provider)
    {
        var limits = KeyQuotas.TryGetValue(fingerprint, out var own) ? own : DailyQuota;
        return provider == Provider.Kto ? limits.Kto : limits.Kma;
    }
}
