using System.Diagnostics;
using System.Diagnostics.Metrics;
using WeatherFlick.Jobs.Collection.Gateway;

namespace WeatherFlick.Jobs.Details;

/// <summary>Detail enrichment's spans and meters, published under the collection feature's name.</summary>
public static class DetailsTelemetry
{
    public static readonly ActivitySource Source = new(GatewayTelemetry.Name);
    public static readonly Meter Meter = new(GatewayTelemetry.Name);

    public static readonly Counter<long> Destinations = Meter.CreateCounter<long>("weatherflick.details.destinations",
        description: "Destinations whose details were fetched, by outcome: stored, refused, gone, transient.");
}
