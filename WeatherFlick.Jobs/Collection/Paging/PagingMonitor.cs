using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WeatherFlick.Jobs.Collection.Paging;

/// <summary>
/// Watches the pages of one listing for the ways paging silently loses data: a totalCount that moves while paging,
/// a page that repeats an earlier one, a short or empty page before the last. Violations are reported, not thrown:
/// the collector keeps what it got and the quality check shows the problem.
/// </summary>
public sealed class PagingMonitor(string partition)
{
    private readonly List<string> _violations = [];
    // A digest per page rather than its ids, so a long listing costs eight bytes a page.
    private readonly Dictionary<ulong, int> _pageSignatures = [];
    private int? _totalCount;

    public string Partition { get; } = partition;

    public IReadOnlyList<string> Violations => _violations;

    public int? TotalCount => _totalCount;

    /// <summary>Pages the listing has at <paramref name="numOfRows"/> per page, from the first totalCount seen.</summary>
    public int? ExpectedPages(int numOfRows) => _totalCount is { } total ? (total + numOfRows - 1) / numOfRows : null;

    /// <summary>Records a page: its number, the page size asked for, the totalCount it stated and the ids of its items.</summary>
    public void Observe(int pageNo, int numOfRows, int totalCount, IReadOnlyList<string> itemIds)
    {
        if (_totalCount is { } first && first != totalCount)
        {
            Report($"totalCount changed from {first} to {totalCount} at page {pageNo}");
        }
        _totalCount ??= totalCount;

        var expectedPages = (totalCount + numOfRows - 1) / numOfRows;
        var expectedItems = pageNo < expectedPages ? numOfRows : pageNo == expectedPages ? totalCount - (numOfRows * (pageNo - 1)) : 0;
        if (itemIds.Count < expectedItems)
        {
            Report(itemIds.Count == 0
                ? $"page {pageNo} is empty, though totalCount {totalCount} promises {expectedItems} items on it"
                : $"page {pageNo} has {itemIds.Count} items, expected {expectedItems} (totalCount {totalCount}, {numOfRows} per page)");
        }
        if (itemIds.Count > 0)
        {
            var signature = BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', itemIds))));
            if (_pageSignatures.TryGetValue(signature, out var earlier))
            {
                Report($"page {pageNo} repeats page {earlier}");
            }
            else
            {
                _pageSignatures[signature] = pageNo;
            }
        }
    }

    /// <summary>Records a violation the caller found itself (e.g. a page that kept answering NO_DATA).</summary>
    public void Report(string violation) =>
        _violations.Add(string.Create(CultureInfo.InvariantCulture, $"{Partition}: {violation}"));
}
