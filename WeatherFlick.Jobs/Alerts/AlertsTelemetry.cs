using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WeatherFlick.Jobs.Alerts;

/// <summary>The alerts feature's span source and meter (<c>WeatherFlick.Alerts</c>).</summary>
public static class AlertsTelemetry
{
    public const string Name = "WeatherFlick.Alerts";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Raised = Meter.CreateCounter<long>("weatherflick.alerts.raised",
        description: "Alerts raised, by kind and delivery (sent, suppressed within the window, undelivered).");
}
