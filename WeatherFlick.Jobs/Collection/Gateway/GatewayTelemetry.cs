using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WeatherFlick.Jobs.Collection.Gateway;

/// <summary>The collection feature's span source and meters (<c>WeatherFlick.Collection</c>).</summary>
public static class GatewayTelemetry
{
    public const string Name = "WeatherFlick.Collection";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Calls = Meter.CreateCounter<long>("weatherflick.upstream.calls", description: "Upstream attempts by provider, operation and outcome.");
    public static readonly Counter<long> Rejections = Meter.CreateCounter<long>("weatherflick.upstream.rejections", description: "Upstream push-backs by reason: rate, quota, key.");
    public static readonly Histogram<double> Latency = Meter.CreateHistogram<double>("weatherflick.upstream.duration", unit: "s", description: "Upstream attempt duration.");
    public static readonly Counter<long> CacheHits = Meter.CreateCounter<long>("weatherflick.upstream.cache_hits", description: "Answers served from the response cache.");

    private static readonly ConcurrentDictionary<string, UpstreamGateway> Gateways = new();

    static GatewayTelemetry()
    {
        Meter.CreateObservableGauge("weatherflick.upstream.concurrency.limit", () =>
            Gateways.Values.Select(g => new Measurement<int>(g.Concurrency.Limit, new KeyValuePair<string, object?>("provider", g.Provider))),
            description: "The adaptive concurrency limit per provider.");
        Meter.CreateObservableGauge("weatherflick.upstream.concurrency.in_use", () =>
            Gateways.Values.Select(g => new Measurement<int>(g.Concurrency.InUse, new KeyValuePair<string, object?>("provider", g.Provider))),
            description: "Requests in flight per provider.");
        Meter.CreateObservableGauge("weatherflick.upstream.quota.remaining", () =>
            Gateways.Values.SelectMany(g => g.RemainingQuota.Select(r => new Measurement<int>(r.Value,
                new KeyValuePair<string, object?>("provider", g.Provider), new KeyValuePair<string, object?>("key", r.Key.Key),
                new KeyValuePair<string, object?>("operation", r.Key.Operation)))),
            description: "Calls left today per key (fingerprint) and operation.");
    }

    /// <summary>Puts a gateway's concurrency and remaining quota on the gauges.</summary>
    internal static void Observe(UpstreamGateway gateway) => Gateways[gateway.Provider] = gateway;
}
