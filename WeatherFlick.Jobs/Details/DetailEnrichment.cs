using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeatherFlick.Data.Bulk;
using WeatherFlick.Data.Details;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Jobs.Collection.Gateway;
using WeatherFlick.Jobs.Collection.Runs;

namespace WeatherFlick.Jobs.Details;

/// <summary>
/// Fills in <c>destination_details</c> for live destinations whose details are missing or older than their
/// modified_time, within what is left of today's quota: each destination costs one call of detailCommon2,
/// detailIntro2 and detailImage2, so the run spends at most (calls left − reserve) of each, in priority order, and
/// leaves the rest to the next day's run. Each destination is committed in its own transaction; the backlog query is
/// the checkpoint, so a restarted run simply continues with what is still due.
/// </summary>
public sealed partial class DetailEnrichment(
    [FromKeyedServices("kto")] UpstreamGateway kto,
    QuotaLedger ledger,
    DetailBacklog backlog,
    DetailFetcher fetcher,
    RunStore runs,
    IOptions<DetailsOptions> options,
    ILogger<DetailEnrichment> logger) : IJob
{
    /// <summary>The run's one partition: the backlog is not paged, but the run record still shows progress and counts.</summary>
    private const string Partition = "backlog";

    private const string NoDataOutcome = "no_data";

    public string Name => "details";

    public string Description => "Details (detailCommon2, detailIntro2, detailImage2) of destinations with missing or stale details, within today's remaining quota";

    public async Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var activity = DetailsTelemetry.Source.StartActivity("details run");
        var (runId, resumed) = await runs.StartOrResumeAsync(Name, context.Trigger, cancellationToken).ConfigureAwait(false);
        await runs.PlanAsync(runId, [Partition], cancellationToken).ConfigureAwait(false);
        var state = (await runs.PartitionsAsync(runId, cancellationToken).ConfigureAwait(false)).Single(p => p.Key == Partition);

        var budget = new QuotaBudget(DetailFetcher.Operations);
        await RefreshAsync(budget, o, cancellationToken).ConfigureAwait(false);
        var (due, _) = await backlog.CountAsync(o.RetryNoDataAfter, [], cancellationToken).ConfigureAwait(false);
        var planned = Math.Min(due, budget.Destinations);
        LogPlanned(runId, resumed, due, planned, o.ReservePerOperation);
        activity?.SetTag("weatherflick.run_id", runId);
        activity?.SetTag("weatherflick.details.due", due);
        activity?.SetTag("weatherflick.details.planned", planned);

        var tally = new Tally(state.PagesDone);
        // Tried in this run, whatever came of it: never asked twice in one run, even if its row changes meanwhile.
        var tried = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        void Report(int partitionsDone, string? current) =>
            context.Progress.Report(new JobProgress(Name, partitionsDone, 1, tally.Processed, planned, tally.Done, current));
        Report(0, null);

        while (tally.Stop is null && budget.Destinations > 0)
        {
            var batch = await backlog.NextAsync((int)Math.Min(budget.Destinations, o.BatchSize), o.AreaWeights, o.ContentTypeWeights,
                o.RetryNoDataAfter, [.. tried.Keys], cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                break;
            }
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = o.Parallelism, CancellationToken = cancellationToken },
                async (candidate, token) =>
                {
                    if (tally.Stop is not null)
                    {
                        return;
                    }
                    if (!budget.TryTakeEach())
                    {
                        tally.StopFor(StopReason.Budget);
                        return;
                    }
                    tried[candidate.ContentId] = 0;
                    var fetch = await fetcher.FetchAsync(candidate, budget, token).ConfigureAwait(false);
                    await SettleAsync(runId, candidate, fetch, tally, planned, due, o, token).ConfigureAwait(false);
                    Report(0, candidate.ContentId);
                }).ConfigureAwait(false);
            await RefreshAsync(budget, o, cancellationToken).ConfigureAwait(false);
        }
        if (tally.Stop is null && budget.Destinations <= 0)
        {
            tally.StopFor(StopReason.Budget);
        }

        var (remaining, untried) = await backlog.CountAsync(o.RetryNoDataAfter, [.. tried.Keys], cancellationToken).ConfigureAwait(false);
        var quotaStop = tally.Stop is { Kind: StopKind.Budget or StopKind.WaitingForQuota };
        var counts = new Dictionary<string, long>
        {
            ["due"] = due,
            ["planned"] = planned,
            ["done"] = tally.Done,
            ["inserted"] = tally.Written.Inserted,
            ["updated"] = tally.Written.Updated,
            ["refused"] = tally.Refused,
            ["no_data"] = tally.NoData,
            ["photos_unconfirmed"] = tally.PhotosUnconfirmed,
            ["transient_failures"] = tally.Transient,
            ["remaining"] = remaining,
            ["skipped_for_quota"] = quotaStop ? untried : 0,
            ["calls"] = budget.Calls,
        };
        foreach (var (name, value) in counts)
        {
            activity?.SetTag($"weatherflick.details.{name}", value);
        }
        Report(1, null);

        switch (tally.Stop)
        {
            case { Kind: StopKind.WaitingForQuota, ResumeAt: { } resumeAt }:
                var waiting = $"every key is spent until {resumeAt:o}; {remaining} destinations remain";
                await runs.SetPartitionStatusAsync(runId, Partition, RunStatus.WaitingForQuota, waiting, cancellationToken).ConfigureAwait(false);
                await runs.FinishAsync(runId, RunStatus.WaitingForQuota, waiting, resumeAt, cancellationToken).ConfigureAwait(false);
                LogWaitingForQuota(runId, resumeAt, remaining);
                return new JobResult(JobResult.WaitingForQuota, runId, counts, waiting, resumeAt);
            case { Kind: StopKind.Failing, Reason: var reason }:
                var error = $"{o.TransientFailureLimit} destinations in a row failed; last: {reason}";
                await runs.SetPartitionStatusAsync(runId, Partition, RunStatus.Failed, error, cancellationToken).ConfigureAwait(false);
                await runs.FinishAsync(runId, RunStatus.Failed, error, null, cancellationToken).ConfigureAwait(false);
                return new JobResult(JobResult.Failed, runId, counts, error);
            default:
                if (remaining > 0)
                {
                    LogCarriedOver(runId, tally.Done, remaining, counts["skipped_for_quota"]);
                }
                await runs.SetPartitionStatusAsync(runId, Partition, RunStatus.Done, null, cancellationToken).ConfigureAwait(false);
                await runs.FinishAsync(runId, RunStatus.Succeeded, null, null, cancellationToken).ConfigureAwait(false);
                return new JobResult(JobResult.Succeeded, runId, counts);
        }
    }

    private async Task SettleAsync(long runId, DetailCandidate candidate, DetailFetch fetch, Tally tally, long planned, long due, DetailsOptions o, CancellationToken cancellationToken)
    {
        switch (fetch)
        {
            case DetailFetch.Fetched fetched:
                var page = tally.NextPage();
                // The answers are paid for: their commit is not abandoned halfway through a cancellation.
                var written = await runs.CommitPageAsync(runId, Partition, page + 1, (int)Math.Min(int.MaxValue, tally.PagesBefore + planned),
                    (int)Math.Min(int.MaxValue, due), 1, async (connection, transaction, token) =>
                    {
                        var result = await DetailTables.Details.UpsertAsync(connection, [fetched.Row], transaction, token).ConfigureAwait(false);
                        if (fetched.PhotosUnconfirmed is { } photos)
                        {
                            await DetailBacklog.RecordFailureAsync(connection, transaction, candidate.ContentId, candidate.ModifiedTime, photos, token).ConfigureAwait(false);
                        }
                        else
                        {
                            await DetailBacklog.ForgetFailureAsync(connection, transaction, candidate.ContentId, token).ConfigureAwait(false);
                        }
                        return (result, null);
                    }, CancellationToken.None).ConfigureAwait(false);
                tally.Stored(written, fetched.PhotosUnconfirmed is not null);
                Count("stored");
                if (fetched.PhotosUnconfirmed is not null)
                {
                    LogPhotosUnconfirmed(candidate.ContentId, o.RetryNoDataAfter);
                }
                break;
            case DetailFetch.Failed failed:
                await runs.InTransactionAsync((connection, transaction, token) =>
                    DetailBacklog.RecordFailureAsync(connection, transaction, candidate.ContentId, candidate.ModifiedTime, failed, token), cancellationToken).ConfigureAwait(false);
                var noData = failed.Outcome == NoDataOutcome;
                tally.Failed(noData);
                if (noData)
                {
                    LogNoData(candidate.ContentId, failed.Operation, o.RetryNoDataAfter);
                }
                else
                {
                    LogRefused(candidate.ContentId, failed.Operation, failed.Code, failed.Message);
                }
                Count(noData ? "no_data" : "refused");
                break;
            case DetailFetch.Transient transient:
                LogTransient(candidate.ContentId, transient.Operation, transient.Reason);
                Count("transient");
                if (tally.TransientFailure() >= o.TransientFailureLimit)
                {
                    tally.StopFor(StopReason.Failing($"{candidate.ContentId} {transient.Operation}: {transient.Reason}"));
                }
                break;
            case DetailFetch.WaitingForQuota waiting:
                tally.StopFor(StopReason.Waiting(waiting.ResumeAt));
                break;
            case DetailFetch.OutOfBudget:
                tally.StopFor(StopReason.Budget);
                break;
        }
    }

    /// <summary>Sets the budget from the ledger: per operation, the calls left on every usable key today, minus the reserve.</summary>
    private async Task RefreshAsync(QuotaBudget budget, DetailsOptions o, CancellationToken cancellationToken)
    {
        var usage = await ledger.UsageAsync(kto.Provider, kto.Keys, DetailFetcher.Operations, kto.DailyQuota, cancellationToken).ConfigureAwait(false);
        budget.Reset(usage.GroupBy(u => u.Operation, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => g.Where(u => u.State != QuotaLedger.Disabled).Sum(u => (long)u.Remaining) - o.ReservePerOperation,
            StringComparer.Ordinal));
    }

    private static void Count(string outcome) =>
        DetailsTelemetry.Destinations.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    private enum StopKind
    {
        Budget,
        WaitingForQuota,
        Failing,
    }

    /// <summary>Why a run stopped before its backlog was empty.</summary>
    private sealed record StopReason(StopKind Kind, DateTimeOffset? ResumeAt = null, string? Reason = null)
    {
        public static readonly StopReason Budget = new(StopKind.Budget);

        public static StopReason Waiting(DateTimeOffset resumeAt) => new(StopKind.WaitingForQuota, resumeAt);

        public static StopReason Failing(string reason) => new(StopKind.Failing, Reason: reason);
    }

    /// <summary>The run's counters, shared by the parallel workers. The first stop reason wins; a quota wait outranks the budget.</summary>
    private sealed class Tally(int pagesBefore)
    {
        private readonly Lock _gate = new();
        private long _done;
        private long _refused;
        private long _noData;
        private long _photosUnconfirmed;
        private long _transient;
        private int _transientInARow;
        private int _pages = pagesBefore;
        private UpsertResult _written;
        private volatile StopReason? _stop;

        public int PagesBefore { get; } = pagesBefore;

        public long Done => Interlocked.Read(ref _done);

        public long Refused => Interlocked.Read(ref _refused);

        public long NoData => Interlocked.Read(ref _noData);

        public long PhotosUnconfirmed => Interlocked.Read(ref _photosUnconfirmed);

        public long Transient => Interlocked.Read(ref _transient);

        public long Processed => Done + Refused + NoData + Transient;

        public StopReason? Stop => _stop;

        public UpsertResult Written
        {
            get
            {
                lock (_gate)
                {
                    return _written;
                }
            }
        }

        public int NextPage() => Interlocked.Increment(ref _pages);

        public void Stored(UpsertResult result, bool photosUnconfirmed)
        {
            lock (_gate)
            {
                _written += result;
            }
            Interlocked.Increment(ref _done);
            if (photosUnconfirmed)
            {
                Interlocked.Increment(ref _photosUnconfirmed);
            }
            Interlocked.Exchange(ref _transientInARow, 0);
        }

        public void Failed(bool noData)
        {
            if (noData)
            {
                Interlocked.Increment(ref _noData);
            }
            else
            {
                Interlocked.Increment(ref _refused);
            }
            Interlocked.Exchange(ref _transientInARow, 0);
        }

        public int TransientFailure()
        {
            Interlocked.Increment(ref _transient);
            return Interlocked.Increment(ref _transientInARow);
        }

        public void StopFor(StopReason reason)
        {
            lock (_gate)
            {
                if (_stop is null || (_stop.Kind == StopKind.Budget && reason.Kind == StopKind.WaitingForQuota))
                {
                    _stop = reason;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Details run {RunId} (resumed: {Resumed}): {Due} destinations due, {Planned} planned within today's quota (reserve {Reserve} calls per operation)")]
    private partial void LogPlanned(long runId, bool resumed, long due, long planned, int reserve);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Details of {ContentId}: {Operation} refused the request ({Code} {Message}); not asked again until the destination changes")]
    private partial void LogRefused(string contentId, string operation, string code, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Details of {ContentId}: {Operation} answered no data twice; asked again when the destination changes or after {RetryAfter}")]
    private partial void LogNoData(string contentId, string operation, TimeSpan retryAfter);

    [LoggerMessage(Level = LogLevel.Information, Message = "Details of {ContentId}: stored without photos, as detailImage2 answered no data twice though the list shows an image; asked again after {RetryAfter}")]
    private partial void LogPhotosUnconfirmed(string contentId, TimeSpan retryAfter);

    [LoggerMessage(Level = LogLevel.Information, Message = "Details of {ContentId}: {Operation} kept failing ({Reason}); left for a later run")]
    private partial void LogTransient(string contentId, string operation, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Details run {RunId}: {Done} stored; {Remaining} destinations carried over to the next run ({Skipped} for lack of quota)")]
    private partial void LogCarriedOver(long runId, long done, long remaining, long skipped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Details run {RunId}: every key is spent until {ResumeAt:o}; {Remaining} destinations remain")]
    private partial void LogWaitingForQuota(long runId, DateTimeOffset resumeAt, long remaining);
}
