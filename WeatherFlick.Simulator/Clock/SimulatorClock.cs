namespace WeatherFlick.Simulator.Clock;

/// <summary>
/// The simulator's "now". It runs at wall-clock speed from an anchor that tests can set or move (crossing 00:00 KST
/// or the next KMA issue in milliseconds), and can be frozen so responses are byte-for-byte repeatable.
/// Only simulated behaviour (quota days, publication, dataset evolution) reads it; pacing (latency, rate limits,
/// hangs) stays on real time, because clients wait in real time.
/// </summary>
public sealed class SimulatorClock : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly Lock _gate = new();
    private readonly DateTimeOffset _start;
    private readonly bool _startFrozen;
    private DateTimeOffset _anchor;
    private long _anchorTimestamp;
    private bool _frozen;

    public SimulatorClock(DateTimeOffset start, bool frozen, TimeProvider? real = null)
    {
        _real = real ?? System;
        _start = start;
        _startFrozen = frozen;
        Reset();
    }

    /// <summary>Where the clock started (and where <see cref="Reset"/> puts it back).</summary>
    public DateTimeOffset Start => _start;

    public bool IsFrozen
    {
        get
        {
            lock (_gate)
            {
                return _frozen;
            }
        }
    }

    public override TimeZoneInfo LocalTimeZone { get; } =
        TimeZoneInfo.CreateCustomTimeZone("KST", Kst.Offset, "Korea Standard Time", "KST");

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _frozen ? _anchor : _anchor + _real.GetElapsedTime(_anchorTimestamp);
        }
    }

    /// <summary>Now in KST (UTC+9).</summary>
    public DateTimeOffset NowKst => GetUtcNow().ToOffset(Kst.Offset);

    public void Set(DateTimeOffset now, bool? frozen = null)
    {
        lock (_gate)
        {
            _anchor = now.ToUniversalTime();
            _anchorTimestamp = _real.GetTimestamp();
            _frozen = frozen ?? _frozen;
        }
    }

    public void Advance(TimeSpan by, bool? frozen = null)
    {
        lock (_gate)
        {
            var now = _frozen ? _anchor : _anchor + _real.GetElapsedTime(_anchorTimestamp);
            _anchor = now + by;
            _anchorTimestamp = _real.GetTimestamp();
            _frozen = frozen ?? _frozen;
        }
    }

    public void Reset() => Set(_start, _startFrozen);
}
