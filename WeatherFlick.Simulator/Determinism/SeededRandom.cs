namespace WeatherFlick.Simulator.Determinism;

/// <summary>
/// A tiny deterministic generator (SplitMix64 stream). <see cref="Random"/> with a seed is deterministic too, but its
/// algorithm is not promised to stay the same across .NET versions; byte-identical datasets need one that is.
/// </summary>
internal struct SeededRandom(ulong state)
{
    private ulong _state = state;

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return StableHash.Mix(_state);
    }

    public int Next(int count) => StableHash.Below(NextUInt64(), count);

    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    public double NextDouble() => StableHash.Unit(NextUInt64());

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}
