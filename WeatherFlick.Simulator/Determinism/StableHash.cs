namespace WeatherFlick.Simulator.Determinism;

/// <summary>
/// Seeded hashing that is identical on every machine and run (unlike <see cref="string.GetHashCode()"/>), so the same
/// seed always produces the same dataset, forecasts, faults and latencies.
/// </summary>
internal static class StableHash
{
    public static ulong Mix(ulong value)
    {
        // SplitMix64 finaliser: cheap, and every input bit affects every output bit.
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    public static ulong Of(long seed, long a) => Mix((ulong)seed ^ Mix((ulong)a));

    public static ulong Of(long seed, long a, long b) => Mix(Of(seed, a) ^ Mix((ulong)b + 0x632BE59BD9B4E019UL));

    public static ulong Of(long seed, long a, long b, long c) => Mix(Of(seed, a, b) ^ Mix((ulong)c + 0x8CB92BA72F3D8DD7UL));

    public static ulong Of(long seed, long a, long b, long c, long d) => Mix(Of(seed, a, b, c) ^ Mix((ulong)d + 0x2545F4914F6CDD1DUL));

    /// <summary>FNV-1a over UTF-16 code units, for folding strings (keys, operation names) into a hash input.</summary>
    public static long OfString(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var ch in text)
        {
            hash = (hash ^ ch) * 1099511628211UL;
        }
        return (long)hash;
    }

    /// <summary>A uniform double in [0, 1) from a hash.</summary>
    public static double Unit(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, count) from a hash.</summary>
    public static int Below(ulong hash, int count) => (int)((hash >> 1) % (ulong)count);
}
