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
}
