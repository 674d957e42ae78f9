using System.Collections.Concurrent;
using WeatherFlick.Simulator.Clock;

namespace WeatherFlick.Simulator.Kto.Dataset;

/// <summary>
/// The catalogue between two events: immutable, so any number of requests read it without locks. Sorted orders and
/// filtered results are computed on first use and cached for the snapshot's lifetime.
/// </summary>
internal sealed class CatalogSnapshot
{
    private const int MaxCachedQueries = 512;

    private readonly ConcurrentDictionary<CatalogFilter, int[]> _queries = new();
    private readonly Lazy<Dictionary<int, int>> _byContentId;
    private readonly Lazy<int[]>[] _orders;

    public CatalogSnapshot(Destination[] items, int count, long[] deletedUnix, int[] revisions, long validFromUnix, long validUntilUnix, DateTimeOffset epoch)
    {
        Items = items;
        Count = count;
        DeletedUnix = deletedUnix;
        Revisions = revisions;
        ValidFromUnix = validFromUnix;
        ValidUntilUnix = validUntilUnix;
        Epoch = epoch;
        _byContentId = new(() =>
        {
            var map = new Dictionary<int, int>(count);
            for (var i = 0; i < count; i++)
            {
                map[items[i].ContentId] = i;
            }
            return map;
        });
        _orders = [new(() => Sorted('A')), new(() => Sorted('C')), new(() => Sorted('D'))];
    }

    /// <summary>Destinations by creation ordinal; only the first <see cref="Count"/> exist yet.</summary>
    public Destination[] Items { get; }

    public int Count { get; }

    /// <summary>When each destination was deleted (Unix seconds), or 0 while it is listed.</summary>
    public long[] DeletedUnix { get; }

    /// <summary>How many times each destination was modified after the epoch.</summary>
    public int[] Revisions { get; }

    /// <summary>The state holds from the last applied event up to (not including) the next one.</summary>
    public long ValidFromUnix { get; }

    public long ValidUntilUnix { get; }

    public DateTimeOffset Epoch { get; }

    public bool IsDeleted(int index) => DeletedUnix[index] != 0;

    public int? IndexOf(int contentId) => _byContentId.Value.TryGetValue(contentId, out var index) ? index : null;

    /// <summary>Indexes of the destinations that match, in the filter's order.</summary>
    public int[] Query(CatalogFilter filter)
    {
        if (_queries.TryGetValue(filter, out var cached))
        {
            return cached;
        }
        var order = _orders[char.ToUpperInvariant(filter.Arrange) switch { 'C' or 'Q' => 1, 'D' or 'R' => 2, _ => 0 }].Value;
        var imageOnly = filter.Arrange is 'O' or 'Q' or 'R';
        var result = new List<int>();
        foreach (var index in order)
        {
            if ((!imageOnly || Items[index].HasImage) && Matches(index, filter))
            {
                result.Add(index);
            }
        }
        var array = result.ToArray();
        if (_queries.Count >= MaxCachedQueries)
        {
            _queries.Clear();
        }
        _queries[filter] = array;
        return array;
    }

    public bool Matches(int index, CatalogFilter filter)
    {
        ref readonly var item = ref Items[index];
        var deleted = IsDeleted(index);
        if (filter.IncludeDeleted ? filter.ShowFlag is { } show && show == deleted : deleted)
        {
            return false;
        }
        if (filter.ContentTypeId is { } type && item.Type.Id != type)
        {
            return false;
        }
        if (filter.AreaCode is { } area && item.Area.Code != area
            || filter.SigunguCode is { } sigungu && item.District.Code != sigungu
            || filter.LDongRegnCd is { } regn && item.Area.LDongCode != regn
            || filter.LDongSignguCd is { } signgu && item.District.LDongCode != signgu)
        {
            return false;
        }
        var category = item.Category;
        if (filter.Cat1 is { } cat1 && category.Cat1 != cat1 || filter.Cat2 is { } cat2 && category.Cat2 != cat2
            || filter.Cat3 is { } cat3 && category.Cat3 != cat3 || filter.Lcls1 is { } l1 && category.Lcls1 != l1
            || filter.Lcls2 is { } l2 && category.Lcls2 != l2 || filter.Lcls3 is { } l3 && category.Lcls3 != l3)
        {
            return false;
        }
        if (filter.ModifiedDay is { } day)
        {
            var modified = Kst.Day(DateTimeOffset.FromUnixTimeSeconds(item.ModifiedUnix));
            if (filter.ModifiedSince ? modified < day : modified != day)
            {
                return false;
            }
        }
        if (filter.Keyword is { } keyword && !item.Title.Contains(keyword, StringComparison.Ordinal))
        {
            return false;
        }
        if (filter.EventStart is { } from)
        {
            var (start, end) = DestinationText.EventDates(item, Epoch);
            if (end < from || filter.EventEnd is { } until && start > until)
            {
                return false;
            }
        }
        return true;
    }

    private int[] Sorted(char arrange)
    {
        var order = new int[Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        var items = Items;
        Comparison<int> comparison = arrange switch
        {
            'C' => (a, b) => items[a].ModifiedUnix != items[b].ModifiedUnix ? items[b].ModifiedUnix.CompareTo(items[a].ModifiedUnix) : items[a].ContentId.CompareTo(items[b].ContentId),
            'D' => (a, b) => items[a].CreatedUnix != items[b].CreatedUnix ? items[b].CreatedUnix.CompareTo(items[a].CreatedUnix) : items[a].ContentId.CompareTo(items[b].ContentId),
            _ => (a, b) =>
            {
                var byTitle = string.CompareOrdinal(items[a].Title, items[b].Title);
                return byTitle != 0 ? byTitle : items[a].ContentId.CompareTo(items[b].ContentId);
            },
        };
        Array.Sort(order, comparison);
        return order;
    }
}
