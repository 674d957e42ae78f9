using WeatherFlick.Data.Bulk;

namespace WeatherFlick.Jobs.Weather;

/// <summary>
/// One KMA product collected per grid cell: the operation, its page size, the latest issue published at an instant
/// and the one before a given issue (the fallback when the latest is not out yet), how a page's items become rows
/// and the table they are upserted into.
/// </summary>
public sealed record KmaProduct<TRow>(
    string Operation,
    int PageSize,
    Func<DateTimeOffset, DateTimeOffset> LatestIssue,
    Func<DateTimeOffset, DateTimeOffset> PreviousIssue,
    Func<IEnumerable<IReadOnlyDictionary<string, string?>>, long?, IReadOnlyList<TRow>> ToRows,
    UpsertTable<TRow> Table);
