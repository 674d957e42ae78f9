using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeatherFlick.Simulator.Hosting;

namespace WeatherFlick.Simulator.Kto.Dataset;

/// <summary>
/// The destination catalogue as of any simulated instant: the generated catalogue at the epoch plus every evolution
/// event up to that instant. Moving forward applies only the new events; moving back rebuilds from the epoch.
/// </summary>
internal sealed partial class TourCatalog
{
    private readonly DestinationGenerator _generator;
    private readonly CatalogEvolution _evolution;
    private readonly Destination[] _initial;
    private readonly DateTimeOffset _epoch;
    private readonly Lock _gate = new();
    private CatalogSnapshot? _current;

    public TourCatalog(IOptions<SimulatorOptions> options, ILogger<TourCatalog> logger)
    {
        var settings = options.Value;
        _epoch = settings.Evolution.Epoch;
        Seed = settings.Seed;
        Size = settings.Size;
        _generator = new DestinationGenerator(settings.Seed);
        _evolution = new CatalogEvolution(settings.Seed, settings.Size, _epoch, settings.Evolution);
        var stopwatch = Stopwatch.StartNew();
        _initial = new Destination[settings.Size];
        Parallel.For(0, settings.Size, i => _initial[i] = _generator.Initial(i, _epoch));
        Generated(logger, settings.Size, settings.Seed, stopwatch.ElapsedMilliseconds);
    }

    public long Seed { get; }

    public int Size { get; }

    public DateTimeOffset Epoch => _epoch;

    public CatalogSnapshot At(DateTimeOffset now)
    {
        var unix = now.ToUnixTimeSeconds();
        var current = Volatile.Read(ref _current);
        if (current is not null && unix >= current.ValidFromUnix && unix < current.ValidUntilUnix)
        {
            return current;
        }
        lock (_gate)
        {
            current = _current;
            if (current is not null && unix >= current.ValidFromUnix && unix < current.ValidUntilUnix)
            {
                return current;
            }
            var next = current is not null && unix >= current.ValidUntilUnix ? Advance(current, unix) : Build(unix);
            Volatile.Write(ref _current, next);
            return next;
        }
    }

    private CatalogSnapshot Build(long unix)
    {
        var capacity = Size + _evolution.CreatedBefore(_evolution.HourOf(unix) + 1);
        var items = new Destination[capacity];
        Array.Copy(_initial, items, Size);
        return Apply(items, Size, new long[capacity], new int[capacity], long.MinValue, unix);
    }

    private CatalogSnapshot Advance(CatalogSnapshot from, long unix)
    {
        var capacity = Size + _evolution.CreatedBefore(_evolution.HourOf(unix) + 1);
        var items = new Destination[capacity];
        var deleted = new long[capacity];
        var revisions = new int[capacity];
        Array.Copy(from.Items, items, from.Count);
        Array.Copy(from.DeletedUnix, deleted, from.Count);
        Array.Copy(from.Revisions, revisions, from.Count);
        return Apply(items, from.Count, deleted, revisions, from.ValidUntilUnix - 1, unix);
    }

    /// <summary>Applies the events in (<paramref name="afterUnix"/>, <paramref name="untilUnix"/>] in time order.</summary>
    private CatalogSnapshot Apply(Destination[] items, int count, long[] deleted, int[] revisions, long afterUnix, long untilUnix)
    {
        var lastApplied = afterUnix == long.MinValue ? long.MinValue : afterUnix;
        var firstHour = Math.Max(0, afterUnix == long.MinValue ? 0 : _evolution.HourOf(afterUnix));
        for (var hour = firstHour; hour <= _evolution.HourOf(untilUnix); hour++)
        {
            foreach (var change in _evolution.EventsOfHour(hour))
            {
                if (change.Unix <= afterUnix || change.Unix > untilUnix)
                {
                    continue;
                }
                switch (change.Kind)
                {
                    case CatalogEventKind.Created:
                        items[count++] = _generator.Created(change.Target, change.Unix);
                        break;
                    case CatalogEventKind.Modified when change.Target < count && deleted[change.Target] == 0:
                        items[change.Target] = items[change.Target] with { ModifiedUnix = change.Unix };
                        revisions[change.Target]++;
                        break;
                    case CatalogEventKind.Deleted when change.Target < count && deleted[change.Target] == 0:
                        items[change.Target] = items[change.Target] with { ModifiedUnix = change.Unix };
                        deleted[change.Target] = change.Unix;
                        break;
                }
                lastApplied = change.Unix;
            }
        }
        return new CatalogSnapshot(items, count, deleted, revisions, Math.Min(lastApplied, untilUnix), NextEventAfter(untilUnix), _epoch);
    }

    private long NextEventAfter(long unix)
    {
        if (_evolution.IsStatic)
        {
            return long.MaxValue;
        }
        // With any non-zero rate an event comes within days; look a year ahead at most.
        var hour = Math.Max(0, _evolution.HourOf(unix));
        for (var limit = hour + 24 * 366; hour < limit; hour++)
        {
            foreach (var change in _evolution.EventsOfHour(hour))
            {
                if (change.Unix > unix)
                {
                    return change.Unix;
                }
            }
        }
        return long.MaxValue;
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Generated {Size} destinations from seed {Seed} in {ElapsedMs} ms")]
    private static partial void Generated(ILogger logger, int size, long seed, long elapsedMs);
}
