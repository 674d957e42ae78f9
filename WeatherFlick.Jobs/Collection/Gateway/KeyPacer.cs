namespace WeatherFlick.Jobs.Collection.Gateway;

/// <summary>
/// Spaces calls on one key evenly at its allowed rate (a token bucket of depth one): a key allowed 30 requests per
/// second sends one every 33 ms rather than 30 at the start of each second, which is what trips upstream 429s.
/// Paced on the monotonic timestamp, not the wall clock: a rate limit is about elapsed time, and a wall clock that is
/// set or frozen (tests, simulated days) must not stretch or squeeze it.
/// </summary>
public sealed class KeyPacer(double ratePerSecond, TimeProvider time)
{
    private readonly long _interval = (long)(time.TimestampFrequency / ratePerSecond);
    private readonly Lock _gate = new();
    private long _next = long.MinValue;

    /// <summary>How many pacing intervals a call asking now would wait: 0 when the key is free.</summary>
    public int Backlog
    {
        get
        {
            lock (_gate)
            {
                var wait = _next - time.GetTimestamp();
                return wait <= 0 ? 0 : (int)Math.Ceiling(wait / (double)_interval);
            }
        }
    }

    /// <summary>Waits for this key's next slot; callers are served in the order they asked.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        long slot, now;
        lock (_gate)
        {
            now = time.GetTimestamp();
            slot = Math.Max(_next, now);
            _next = slot + _interval;
        }
        if (slot > now)
        {
            await Task.Delay(TimeSpan.FromSeconds((slot - now) / (double)time.TimestampFrequency), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Holds the key back for <paramref name="delay"/>, e.g. after a 429 with Retry-After.</summary>
    public void PauseFor(TimeSpan delay)
    {
        lock (_gate)
        {
            var until = time.GetTimestamp() + (long)(delay.TotalSeconds * time.TimestampFrequency);
            _next = Math.Max(_next, until);
        }
    }
}
