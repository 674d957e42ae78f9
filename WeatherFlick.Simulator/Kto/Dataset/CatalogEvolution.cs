using WeatherFlick.Simulator.Determinism;

namespace WeatherFlick.Simulator.Kto.Dataset;

/// <summary>
/// The rule by which the catalogue changes: for every simulated hour h after the epoch, a fixed number of events of
/// each kind (the share per day spread evenly over hours, carried over so fractions add up), each at a seeded second
/// of the hour and aimed at a seeded destination. A pure function of (seed, size, rates, h): two simulators with the
/// same settings agree at every instant, however they got there.
/// </summary>
internal sealed class CatalogEvolution(long seed, int size, DateTimeOffset epoch, EvolutionOptions rates)
{
    private readonly long _epochUnix = epoch.ToUnixTimeSeconds();
    private readonly double _modifiedPerHour = size * rates.ModifiedPerDay / 24.0;
    private readonly double _deletedPerHour = size * rates.DeletedPerDay / 24.0;
    private readonly double _createdPerHour = size * rates.CreatedPerDay / 24.0;

    public long EpochUnix => _epochUnix;

    public bool IsStatic => _modifiedPerHour <= 0 && _deletedPerHour <= 0 && _createdPerHour <= 0;

    /// <summary>Hour index of an instant (negative before the epoch).</summary>
    public long HourOf(long unix) => (long)Math.Floor((unix - _epochUnix) / 3600.0);

    /// <summary>Destinations created after the epoch and before hour <paramref name="hour"/> starts.</summary>
    public int CreatedBefore(long hour) => hour <= 0 ? 0 : (int)Cumulative(hour, _createdPerHour);

    /// <summary>The events of one hour, in time order.</summary>
    public List<CatalogEvent> EventsOfHour(long hour)
    {
        var events = new List<CatalogEvent>();
        if (hour < 0)
        {
            return events;
        }
        var start = _epochUnix + hour * 3600;
        var population = size + CreatedBefore(hour);
        Add(events, hour, start, CatalogEventKind.Modified, _modifiedPerHour, population);
        Add(events, hour, start, CatalogEventKind.Deleted, _deletedPerHour, population);
        var firstOrdinal = CreatedBefore(hour);
        var created = (int)(Cumulative(hour + 1, _createdPerHour) - firstOrdinal);
        for (var j = 0; j < created; j++)
        {
            var hash = StableHash.Of(seed, hour, j, (long)CatalogEventKind.Created);
            events.Add(new CatalogEvent(start + (long)(hash % 3600), CatalogEventKind.Created, firstOrdinal + j, j));
        }
        events.Sort(static (a, b) => a.Unix != b.Unix ? a.Unix.CompareTo(b.Unix)
            : a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind) : a.Sequence.CompareTo(b.Sequence));
        // Creations in one hour must keep ordinal order, so the catalogue's item order stays the ordinal order.
        var ordinal = firstOrdinal;
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Kind == CatalogEventKind.Created)
            {
                events[i] = events[i] with { Target = ordinal++ };
            }
        }
        return events;
    }

    private void Add(List<CatalogEvent> events, long hour, long start, CatalogEventKind kind, double perHour, int population)
    {
        var count = Cumulative(hour + 1, perHour) - Cumulative(hour, perHour);
        for (var j = 0; j < count; j++)
        {
            var hash = StableHash.Of(seed, hour, j, (long)kind);
            var target = (int)((hash >> 16) % (ulong)population);
            events.Add(new CatalogEvent(start + (long)(hash % 3600), kind, target, (int)j));
        }
    }

    private static long Cumulative(long hours, double perHour) => (long)Math.Floor(hours * perHour);
}
