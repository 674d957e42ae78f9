using System.Diagnostics;

namespace WeatherFlick.Tests.Weather;

/// <summary>
/// A clock that runs at real speed from an instant the test chooses, and can be moved. The job server needs time
/// that passes: its gateway paces each key from the clock, so under a frozen clock every call on a key waits for
/// all the slots handed out before it.
/// </summary>
internal sealed class RunningClock(DateTimeOffset start) : TimeProvider
{
    private Anchor _anchor = new(start.ToUniversalTime(), Stopwatch.GetTimestamp());

    public override DateTimeOffset GetUtcNow()
    {
        var anchor = Volatile.Read(ref _anchor);
        return anchor.Origin + Stopwatch.GetElapsedTime(anchor.Timestamp);
    }

    public void Set(DateTimeOffset now) => Volatile.Write(ref _anchor, new Anchor(now.ToUniversalTime(), Stopwatch.GetTimestamp()));

    private sealed record Anchor(DateTimeOffset Origin, long Timestamp);
}
