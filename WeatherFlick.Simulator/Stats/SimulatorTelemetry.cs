using System.Diagnostics.Metrics;

namespace WeatherFlick.Simulator.Stats;

/// <summary>The simulator's meter (exported with the other <c>WeatherFlick.*</c> meters by the service defaults).</summary>
internal static class SimulatorTelemetry
{
    public static readonly Meter Meter = new("WeatherFlick.Simulator");

    /// <summary>Calls charged against a quota, tagged with provider and operation.</summary>
    public static readonly Counter<long> Calls = Meter.CreateCounter<long>("weatherflick.simulator.calls", description: "Calls charged against a daily quota");

    /// <summary>Calls the gateway refused, tagged with reason (quota, rate, key, params).</summary>
    public static readonly Counter<long> Rejections = Meter.CreateCounter<long>("weatherflick.simulator.rejections", description: "Calls rejected by the gateway or for their parameters");

    /// <summary>Injected faults, tagged with kind.</summary>
    public static readonly Counter<long> Faults = Meter.CreateCounter<long>("weatherflick.simulator.faults", description: "Faults injected into accepted calls");
}
