using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Jobs.Collection.Runs;

namespace WeatherFlick.Jobs.Collection.Paging;

/// <summary>
/// Runs a job's partitions as one collection run: resumes the job's unfinished run (after a crash or a quota
/// wait) instead of starting over, pages the partitions not yet done a few at a time, reports progress after every
/// page, and ends the run as succeeded, waiting for quota (with the time it can resume) or failed.
/// </summary>
public sealed class PartitionedRun(RunStore runs, PartitionPager pager)
{
    public async Task<JobResult> RunAsync(string job, JobContext context, IReadOnlyList<PagedPartition> partitions, int parallelism, CancellationToken cancellationToken,
        Func<long, CancellationToken, Task<IReadOnlyDictionary<string, long>>>? afterAll = null)
    {
        var (runId, _) = await runs.StartOrResumeAsync(job, context.Trigger, cancellationToken).ConfigureAwait(false);
        await runs.PlanAsync(runId, [.. partitions.Select(p => p.Key)], cancellationToken).ConfigureAwait(false);
        var states = (await runs.PartitionsAsync(runId, cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.Key);

        var done = states.Values.Count(s => s.Status == RunStatus.Done);
        long pagesDone = states.Values.Sum(s => (long)s.PagesDone);
        long items = states.Values.Sum(s => s.Items);
        var expected = states.Values.ToDictionary(s => s.Key, s => (long?)s.PagesExpected);
        var gate = new Lock();
        void Report(string? current) => context.Progress.Report(new JobProgress(job, done, partitions.Count, pagesDone,
            expected.Values.All(e => e is not null) ? expected.Values.Sum() : null, items, current));
        Report(null);

        var outcomes = new List<PartitionOutcome>();
        try
        {
            await Parallel.ForEachAsync(partitions.Where(p => states[p.Key].Status != RunStatus.Done),
                new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
                async (partition, token) =>
                {
                    var outcome = await pager.RunAsync(runId, states[partition.Key], partition, (pages, pagesExpected, stored) =>
                    {
                        lock (gate)
                        {
                            pagesDone += pages;
                            items += stored;
                            expected[partition.Key] = pagesExpected;
                            Report(partition.Key);
                        }
                    }, token).ConfigureAwait(false);
                    lock (gate)
                    {
                        outcomes.Add(outcome);
                        if (outcome.Status == RunStatus.Done)
                        {
                            done++;
                        }
                        Report(partition.Key);
                    }
                }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A cancelled run stays "running" with its checkpoints: the next start resumes it.
            throw;
        }

        var counts = new Dictionary<string, long>
        {
            ["partitions"] = partitions.Count,
            ["partitions_done"] = done,
            ["pages"] = outcomes.Sum(o => (long)o.Pages),
            ["items"] = outcomes.Sum(o => o.Items),
            ["inserted"] = outcomes.Sum(o => o.Inserted),
            ["updated"] = outcomes.Sum(o => o.Updated),
            ["removed"] = outcomes.Sum(o => o.Removed),
            ["violations"] = outcomes.Sum(o => (long)o.Violations.Count),
        };
        var waiting = outcomes.Where(o => o.Status == RunStatus.WaitingForQuota).ToList();
        var failed = outcomes.Where(o => o.Status == RunStatus.Failed).ToList();
        if (waiting.Count > 0)
        {
            var resumeAt = waiting.Min(o => o.ResumeAt);
            await runs.FinishAsync(runId, RunStatus.WaitingForQuota, $"{waiting.Count} partitions wait for quota", resumeAt, cancellationToken).ConfigureAwait(false);
            return new JobResult(JobResult.WaitingForQuota, runId, counts, $"{waiting.Count} of {partitions.Count} partitions wait for quota", resumeAt);
        }
        if (failed.Count > 0)
        {
            var error = $"{failed.Count} of {partitions.Count} partitions failed; first: {failed[0].Key}: {failed[0].Error}";
            await runs.FinishAsync(runId, RunStatus.Failed, error, null, cancellationToken).ConfigureAwait(false);
            return new JobResult(JobResult.Failed, runId, counts, error);
        }
        if (afterAll is not null)
        {
            foreach (var (name, value) in await afterAll(runId, cancellationToken).ConfigureAwait(false))
            {
                counts[name] = value;
            }
        }
        await runs.FinishAsync(runId, RunStatus.Succeeded, null, null, cancellationToken).ConfigureAwait(false);
        return new JobResult(JobResult.Succeeded, runId, counts);
    }
}
