using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WeatherFlick.Jobs.Housekeeping;

/// <summary>The housekeeping feature's span source and meter (<c>WeatherFlick.Housekeeping</c>).</summary>
public static class HousekeepingTelemetry
{
    public const string Name = "WeatherFlick.Housekeeping";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> RawResponsesExpired = Meter.CreateCounter<long>("weatherflick.raw_responses.expired",
        description: "Archived upstream exchanges deleted after their retention.");

    public static readonly Counter<long> WeatherRowsExpired = Meter.CreateCounter<long>("weatherflick.weather_rows.expired",
        description: "Forecast and now-cast rows deleted after their retention or once superseded.");
}
