using System.Collections.Concurrent;

namespace WeatherFlick.Simulator.Gateway;

/// <summary>Calls charged per key fingerprint, operation and KST day; the source of both quota decisions and call stats.</summary>
internal sealed class QuotaLedger
{
    private readonly ConcurrentDictionary<(string Fingerprint, string Operation, DateOnly Day), Counter<int>> _counts = new();

    /// <summary>Charges one call unless the day's count already reached <paramref name="limit"/>; returns the call's number.</summary>
    public bool TryCharge(string fingerprint, string operation, DateOnly day, int limit, out int callNumber)
    {
        var box = _counts.GetOrAdd((fingerprint, operation, day), static _ => new Counter<int>());
        while (true)
        {
            var current = Volatile.Read(ref box.Value);
            if (current >= limit)
            {
                callNumber = current;
                return false;
            }
            if (Interlocked.CompareExchange(ref box.Value, current + 1, current) == current)
            {
                callNumber = current + 1;
                return true;
            }
        }
    }

    public IReadOnlyList<(string Fingerprint, string Operation, DateOnly Day, int Count)> Snapshot() =>
        [.. _counts
            .Select(entry => (entry.Key.Fingerprint, entry.Key.Operation, entry.Key.Day, Volatile.Read(ref entry.Value.Value)))
            .Where(entry => entry.Item4 > 0)
            .OrderBy(entry => entry.Day).ThenBy(entry => entry.Fingerprint, StringComparer.Ordinal).ThenBy(entry => entry.Operation, StringComparer.Ordinal)];

    public void Clear() => _counts.Clear();

    private sealed class Counter<T>
    {
        public T Value = default!;
    }
}
