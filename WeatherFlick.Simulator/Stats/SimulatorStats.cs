namespace WeatherFlick.Simulator.Stats;

/// <summary>
/// Counters behind <c>GET /_sim/stats</c> other than calls (which come from the quota ledger): rejections by reason,
/// injected faults, and concurrent requests in flight on the service paths.
/// </summary>
internal sealed class SimulatorStats
{
    private long _quota;
    private long _rate;
    private long _key;
    private long _params;
    private long _faults;
    private int _inFlight;
    private int _peak;

    public void RejectedForQuota() => Rejected(ref _quota, "quota");

    public void RejectedForRate() => Rejected(ref _rate, "rate");

    public void RejectedForKey() => Rejected(ref _key, "key");

    public void RejectedForParameters() => Rejected(ref _params, "params");

    public void Charged(string provider, string operation) =>
        SimulatorTelemetry.Calls.Add(1, new("provider", provider), new("operation", operation));

    public void FaultInjected(string kind)
    {
        Interlocked.Increment(ref _faults);
        SimulatorTelemetry.Faults.Add(1, new KeyValuePair<string, object?>("kind", kind));
    }

    private static void Rejected(ref long counter, string reason)
    {
        Interlocked.Increment(ref counter);
        SimulatorTelemetry.Rejections.Add(1, new KeyValuePair<string, object?>("reason", reason));
    }

    /// <summary>Counts a request in flight until the returned scope is disposed, keeping the peak.</summary>
    public InFlightScope Enter()
    {
        var now = Interlocked.Increment(ref _inFlight);
        var peak = Volatile.Read(ref _peak);
        while (now > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peak, now, peak);
            if (seen == peak)
            {
                break;
            }
            peak = seen;
        }
        return new InFlightScope(this);
    }

    public (long Quota, long Rate, long Key, long Params, long Faults, int Peak) Read() =>
        (Interlocked.Read(ref _quota), Interlocked.Read(ref _rate), Interlocked.Read(ref _key),
         Interlocked.Read(ref _params), Interlocked.Read(ref _faults), Volatile.Read(ref _peak));

    public void Reset()
    {
        Interlocked.Exchange(ref _quota, 0);
        Interlocked.Exchange(ref _rate, 0);
        Interlocked.Exchange(ref _key, 0);
        Interlocked.Exchange(ref _params, 0);
        Interlocked.Exchange(ref _faults, 0);
        Volatile.Write(ref _peak, Volatile.Read(ref _inFlight));
    }

    internal readonly struct InFlightScope(SimulatorStats stats) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref stats._inFlight);
    }
}
