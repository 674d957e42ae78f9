namespace WeatherFlick.Jobs.Collection.Gateway;

/// <summary>
/// Spaces calls on one key evenly at its allowed rate (a token bucket of depth one): a key allowed 30 requests per
/// second sends one every 33 ms rather than 30 at the start of each second, which is what trips upstream 429s.
/// </summary>
public sealed class KeyPacer(double ratePerSecond, TimeProvider time)
{
    private readonly TimeSpan _interval = TimeSpan.FromSeconds(1 / ratePerSecond);
    private readonly Lock _gate = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    /// <summary>How many pacing intervals a call asking now would wait: 0 when the key is free.</summary>
    public int Backlog
    {
        get
        {
            lock (_gate)
            {
                var wait = _next - time.GetUtcNow();
                return wait <= TimeSpan.Zero ? 0 : (int)Math.Ceiling(wait / _interval);
            }
        }
    }

    /// <summary>Waits for this key's next slot; callers are served in the order they asked.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset slot;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            slot = _next > now ? _next : now;
            _next = slot + _interval;
        }
        var wait = slot - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Holds the key back, e.g. after a 429 with Retry-After.</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        lock (_gate)
        {
            if (until > _next)
            {
                _next = until;
            }
        }
    }
}
