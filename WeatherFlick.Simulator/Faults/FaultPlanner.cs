using Microsoft.Extensions.Options;
using WeatherFlick.Simulator.Determinism;
using WeatherFlick.Simulator.Hosting;
using WeatherFlick.Simulator.Runtime;

namespace WeatherFlick.Simulator.Faults;

/// <summary>
/// Decides faults and latency from the seed and the call's identity (key, operation, KST day, call number), never from
/// arrival order: the n-th call of a key and operation on a day always meets the same fate, whatever else runs.
/// </summary>
internal sealed class FaultPlanner(IOptions<SimulatorOptions> options)
{
    private readonly long _seed = options.Value.Seed;

    public FaultKind? Draw(RuntimeConfig config, CallIdentity call)
    {
        if (config.FaultRate <= 0)
        {
            return null;
        }
        var hash = Hash(call, 1);
        if (StableHash.Unit(hash) >= config.FaultRate)
        {
            return null;
        }
        var total = config.FaultWeights.Values.Sum();
        if (total <= 0)
        {
            return null;
        }
        var ticket = StableHash.Below(StableHash.Mix(hash), total);
        foreach (var (kind, weight) in config.FaultWeights.OrderBy(pair => pair.Key))
        {
            if (ticket < weight)
            {
                return kind;
            }
            ticket -= weight;
        }
        return null;
    }

    public TimeSpan Latency(RuntimeConfig config, CallIdentity call)
    {
        var jitter = config.LatencyJitterMs <= 0 ? 0 : StableHash.Below(Hash(call, 2), config.LatencyJitterMs + 1);
        return TimeSpan.FromMilliseconds(config.LatencyMs + jitter);
    }

    /// <summary>Where a truncated body is cut: between 20 % and 90 % of its length.</summary>
    public int TruncationPoint(CallIdentity call, int length) =>
        Math.Max(1, (int)(length * (0.2 + 0.7 * StableHash.Unit(Hash(call, 3)))));

    private ulong Hash(CallIdentity call, int purpose) => StableHash.Of(
        _seed, StableHash.OfString(call.Fingerprint), StableHash.OfString(call.Operation), call.Day.DayNumber, call.Number * 8L + purpose);
}
