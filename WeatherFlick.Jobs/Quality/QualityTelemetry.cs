using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WeatherFlick.Jobs.Quality;

/// <summary>The quality feature's span source and meter (<c>WeatherFlick.Quality</c>).</summary>
public static class QualityTelemetry
{
    public const string Name = "WeatherFlick.Quality";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    public static readonly Gauge<double> Score = Meter.CreateGauge<double>("weatherflick.quality.score", unit: "%",
        description: "The latest quality score of each checked table (100 × share of rows without any finding).");
}
