using System.Collections.Concurrent;

namespace WeatherFlick.Simulator.Gateway;

/// <summary>
/// A token bucket per key on real (not simulated) time: bursts above the allowed rate get HTTP 429, as data.go.kr
/// answers when calls pile up.
/// </summary>
internal sealed class KeyRateLimiter(TimeProvider realTime)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    public bool TryAcquire(string fingerprint, double ratePerSecond, int burst)
    {
        if (ratePerSecond <= 0)
        {
            return true;
        }
        var bucket = _buckets.GetOrAdd(fingerprint, _ => new Bucket(burst, realTime.GetTimestamp()));
        lock (bucket)
        {
            var now = realTime.GetTimestamp();
            var elapsed = realTime.GetElapsedTime(bucket.Timestamp, now).TotalSeconds;
            bucket.Tokens = Math.Min(burst, bucket.Tokens + elapsed * ratePerSecond);
            bucket.Timestamp = now;
            if (bucket.Tokens < 1)
            {
                return false;
            }
            bucket.Tokens -= 1;
            return true;
        }
    }

    public void Clear() => _buckets.Clear();

    private sealed class Bucket(double tokens, long timestamp)
    {
        public double Tokens = tokens;
        public long Timestamp = timestamp;
    }
}
