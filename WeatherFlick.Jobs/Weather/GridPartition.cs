using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using WeatherFlick.Data.Weather;
using WeatherFlick.Jobs.Collection.Gateway;
using WeatherFlick.Jobs.Collection.Kma;
using WeatherFlick.Jobs.Collection.Paging;
using WeatherFlick.Jobs.Collection.Runs;

namespace WeatherFlick.Jobs.Weather;

/// <summary>
/// One grid cell of a KMA product at one issue, page by page. An issue that is not published yet (NO_DATA on the
/// first page) is replaced by the previous one, once; if that is missing too the cell fails with both issues named.
/// </summary>
/// <remarks>
/// A stored row holds every category of one hour, but a page can end in the middle of an hour (the short-term
/// forecast is time-major, so the cut falls inside the last hour only). That hour's items are carried to the next
/// page through the checkpoint, so its row is written once and whole, also across a crash.
/// </remarks>
internal sealed class GridPartition<TRow>(UpstreamGateway kma, KmaProduct<TRow> product, GridCell cell, DateTimeOffset issue, ILogger logger) : PagedPartition
{
    private DateTimeOffset _issue = issue;
    private IReadOnlyList<IReadOnlyDictionary<string, string?>> _carry = [];
    private long? _carryRawResponseId;

    public override string Key { get; } = $"grid={cell}";

    public override int PageSize => product.PageSize;

    /// <summary>Whether the cell was collected from the previous issue because the latest was not out yet.</summary>
    public bool FellBack { get; private set; }

    public override Task StartAsync(PartitionState state, CancellationToken cancellationToken)
    {
        // Pages already committed fix the issue (it may be a fallback) and any hour cut off at their end.
        if (state.NextPage > 1 && state.Checkpoint is { } json && JsonSerializer.Deserialize<GridCheckpoint>(json) is { } checkpoint)
        {
            _issue = checkpoint.Issue;
            _carry = checkpoint.Carry;
            _carryRawResponseId = checkpoint.CarryRawResponseId;
        }
        return Task.CompletedTask;
    }

    public override async Task<GatewayResult> FetchAsync(int pageNo, CancellationToken cancellationToken)
    {
        var result = await kma.CallAsync(product.Operation, KmaRequest.For(_issue, cell, PageSize, pageNo), cancellationToken).ConfigureAwait(false);
        if (pageNo != 1 || FellBack || result.Outcome is not UpstreamOutcome.NoData)
        {
            return result;
        }
        var latest = _issue;
        _issue = product.PreviousIssue(latest);
        FellBack = true;
        WeatherLog.FallingBack(logger, product.Operation, cell.ToString(), latest, _issue);
        result = await kma.CallAsync(product.Operation, KmaRequest.For(_issue, cell, PageSize, pageNo), cancellationToken).ConfigureAwait(false);
        return result.Outcome is UpstreamOutcome.NoData noData
            ? result with { Outcome = new UpstreamOutcome.InvalidRequest(noData.Code, $"no {product.Operation} for grid {cell} at issue {Describe(latest)} nor {Describe(_issue)}: {noData.Message}") }
            : result;
    }

    public override async Task<PageWrite> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, UpstreamPage page, long? rawResponseId, CancellationToken cancellationToken)
    {
        var items = _carry.Concat(page.Items).ToList();
        IReadOnlyList<IReadOnlyDictionary<string, string?>> carry = [];
        if ((long)page.PageNo * PageSize < page.TotalCount && items.Count > 0)
        {
            var cutHour = HourOf(items[^1]);
            carry = [.. items.Where(i => HourOf(i) == cutHour)];
            items = [.. items.Where(i => HourOf(i) != cutHour)];
        }
        // The hour completed on this page is credited to this page's response, where its last categories came from.
        var rows = product.ToRows(items, rawResponseId);
        var result = rows.Count == 0 ? default : await product.Table.UpsertAsync(connection, rows, transaction, cancellationToken).ConfigureAwait(false);
        _carry = carry;
        _carryRawResponseId = carry.Count == 0 ? null : rawResponseId;
        var checkpoint = JsonSerializer.Serialize(new GridCheckpoint(_issue, [.. carry.Select(i => new Dictionary<string, string?>(i))], _carryRawResponseId));
        return new PageWrite(result, rows.Count, Checkpoint: checkpoint);
    }

    /// <summary>An hour still carried when paging ends early (a later page never came) is written as far as it got.</summary>
    public override async Task<long> CompleteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, bool clean, CancellationToken cancellationToken)
    {
        if (_carry.Count > 0)
        {
            await product.Table.UpsertAsync(connection, product.ToRows(_carry, _carryRawResponseId), transaction, cancellationToken).ConfigureAwait(false);
            _carry = [];
        }
        return 0;
    }

    // The short-term forecast's hour; the now-cast has no fcstDate/fcstTime, so all its items are one hour.
    private static string HourOf(IReadOnlyDictionary<string, string?> item) =>
        $"{item.GetValueOrDefault("fcstDate")}{item.GetValueOrDefault("fcstTime")}";

    private static string Describe(DateTimeOffset issue)
    {
        var (date, time) = KmaIssueTimes.ToParameters(issue);
        return $"{date} {time}";
    }
}
