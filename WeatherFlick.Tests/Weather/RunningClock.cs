using System.Diagnostics;

namespace WeatherFlick.Tests.Weather;

/// <summary>
/// A clock that runs at real speed from an instant the test chooses, and can be moved: the job server's, kept in step
/// with a simulator whose clock also runs from its start time, so both agree on which KMA issues are published.
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
