using Microsoft.Extensions.Logging;
using WeatherFlick.Jobs.Collection.Gateway;
using WeatherFlick.Jobs.Collection.Runs;

namespace WeatherFlick.Jobs.Collection.Paging;

/// <summary>
/// Pages one partition from its checkpoint to its end, one page in flight at a time: each page's rows and the
/// checkpoint after it are committed together, so a crash repeats at most the page that was in flight. Quota runs
/// out → the partition waits (resumable); a permanent upstream error → it fails with the upstream message; an empty
/// page before the end (the services sometimes answer NO_DATA for a page that has items) is asked again before
/// it is recorded as a paging violation.
/// </summary>
public sealed partial class PartitionPager(RunStore runs, ILogger<PartitionPager> logger)
{
    private const int EmptyPageRetries = 3;

    public async Task<PartitionOutcome> RunAsync(long runId, PartitionState state, PagedPartition partition, Action<int, int?, long> onPage, CancellationToken cancellationToken)
    {
        var monitor = new PagingMonitor(partition.Key);
        var page = state.NextPage;
        long items = 0, inserted = 0, updated = 0, removedByPages = 0;
        var pages = 0;
        var expectedPages = state.PagesExpected;
        var emptyRetries = 0;
        await partition.StartAsync(state, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var result = await partition.FetchAsync(page, cancellationToken).ConfigureAwait(false);
            if (result.WaitingForQuota)
            {
                await runs.SetPartitionStatusAsync(runId, partition.Key, RunStatus.WaitingForQuota, $"waiting for quota until {result.ResumeAt:o}", cancellationToken, monitor.Violations).ConfigureAwait(false);
                return Outcome(RunStatus.WaitingForQuota, resumeAt: result.ResumeAt);
            }
            switch (result.Outcome)
            {
                case UpstreamOutcome.Data data:
                    emptyRetries = 0;
                    var upstreamPage = data.Page;
                    monitor.Observe(page, partition.PageSize, upstreamPage.TotalCount, [.. upstreamPage.Items.Select(partition.ItemId)]);
                    expectedPages = monitor.ExpectedPages(partition.PageSize);
                    var write = default(PageWrite);
                    await runs.CommitPageAsync(runId, partition.Key, page + 1, expectedPages, upstreamPage.TotalCount, upstreamPage.Items.Count,
                        async (connection, transaction, token) =>
                        {
                            write = await partition.WriteAsync(connection, transaction, runId, upstreamPage, result.RawResponseId, token).ConfigureAwait(false);
                            return (write.Result, write.Checkpoint);
                        }, cancellationToken).ConfigureAwait(false);
                    items += write.Items;
                    inserted += write.Result.Inserted;
                    updated += write.Result.Updated;
                    removedByPages += write.Removed;
                    pages++;
                    onPage(1, expectedPages, write.Items);
                    if (write.Stop || page >= (expectedPages ?? page))
                    {
                        return await CompleteAsync().ConfigureAwait(false);
                    }
                    page++;
                    break;

                case UpstreamOutcome.NoData noData:
                    // A successful empty answer ("items":"", totalCount 0) is an empty listing. NO_DATA (03) in place of
                    // a page is what the services sometimes say for a page that has items: ask again before believing it.
                    var genuine = noData.Code.TrimStart('0').Length == 0;
                    var expected = expectedPages ?? (noData.TotalCount > 0 ? (noData.TotalCount + partition.PageSize - 1) / partition.PageSize : 0);
                    if (genuine && page > expected)
                    {
                        return await CompleteAsync().ConfigureAwait(false);
                    }
                    if (emptyRetries++ < EmptyPageRetries)
                    {
                        LogEmptyPageRetry(partition.Key, page, noData.Code, noData.Message);
                        break;
                    }
                    emptyRetries = 0;
                    monitor.Report($"page {page} answered {noData.Code} {noData.Message} {EmptyPageRetries + 1} times");
                    page++;
                    if (page > expected)
                    {
                        return await CompleteAsync().ConfigureAwait(false);
                    }
                    break;

                case UpstreamOutcome.InvalidRequest invalid:
                    await runs.SetPartitionStatusAsync(runId, partition.Key, RunStatus.Failed, $"upstream refused the request: {invalid.Code} {invalid.Message}", cancellationToken, monitor.Violations).ConfigureAwait(false);
                    return Outcome(RunStatus.Failed, $"{invalid.Code} {invalid.Message}");

                default:
                    var reason = result.Outcome switch
                    {
                        UpstreamOutcome.Transient t => $"upstream kept failing: {t.Reason}",
                        { } other => $"upstream answered {other.Name}",
                        null => "no answer",
                    };
                    await runs.SetPartitionStatusAsync(runId, partition.Key, RunStatus.Failed, reason, cancellationToken, monitor.Violations).ConfigureAwait(false);
                    return Outcome(RunStatus.Failed, reason);
            }
        }

        async Task<PartitionOutcome> CompleteAsync()
        {
            long removed = 0;
            await runs.InTransactionAsync(async (connection, transaction, token) =>
            {
                removed = await partition.CompleteAsync(connection, transaction, runId, clean: monitor.Violations.Count == 0, token).ConfigureAwait(false);
                await runs.SetPartitionStatusAsync(runId, partition.Key, RunStatus.Done, null, token, monitor.Violations, connection, transaction).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            foreach (var violation in monitor.Violations)
            {
                LogViolation(violation);
            }
            return Outcome(RunStatus.Done, removed: removed);
        }

        PartitionOutcome Outcome(string status, string? error = null, DateTimeOffset? resumeAt = null, long removed = 0) =>
            new(partition.Key, status, items, inserted, updated, removedByPages + removed, pages, monitor.Violations, error, resumeAt);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Partition}: page {Page} came back empty ({Code} {Message}); asking again")]
    private partial void LogEmptyPageRetry(string partition, int page, string code, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Paging violation: {Violation}")]
    private partial void LogViolation(string violation);
}
