using Microsoft.Extensions.Logging;
using WeatherFlick.Jobs.Catalog;

namespace WeatherFlick.Jobs.Collection.Runs;

/// <summary>
/// A job done in one step rather than in partitions (quality, raw-expiry), recorded in <c>collection_runs</c> like
/// the collectors, so its history shows on the dashboard and a failure raises the run-failed alert.
/// </summary>
public sealed partial class TrackedRun(RunStore runs, ILogger<TrackedRun> logger)
{
    public async Task<JobResult> RunAsync(string job, JobContext context, Func<long, CancellationToken, Task<IReadOnlyDictionary<string, long>>> work,
        CancellationToken cancellationToken)
    {
        var (runId, _) = await runs.StartOrResumeAsync(job, context.Trigger, cancellationToken).ConfigureAwait(false);
        IReadOnlyDictionary<string, long> counts;
        try
        {
            counts = await work(runId, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await runs.FinishAsync(runId, RunStatus.Cancelled, "cancelled", null, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (Exception e)
        {
            LogFailed(e, job, runId);
            var error = $"{e.GetType().Name}: {e.Message}";
            await runs.FinishAsync(runId, RunStatus.Failed, error, null, CancellationToken.None).ConfigureAwait(false);
            return new JobResult(JobResult.Failed, runId, new Dictionary<string, long>(), error);
        }
        await runs.FinishAsync(runId, RunStatus.Succeeded, null, null, cancellationToken).ConfigureAwait(false);
        return new JobResult(JobResult.Succeeded, runId, counts);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} failed (run {RunId})")]
    private partial void LogFailed(Exception exception, string job, long runId);
}
