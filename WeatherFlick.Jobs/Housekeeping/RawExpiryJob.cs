using Microsoft.Extensions.Options;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Jobs.Collection.Gateway;
using WeatherFlick.Jobs.Collection.Runs;

namespace WeatherFlick.Jobs.Housekeeping;

/// <summary>
/// Deletes archived upstream exchanges past their provider's retention, in bounded batches. Rows that came from them
/// keep their raw_response_id: an expired archive entry is expected, not a broken row.
/// </summary>
public sealed class RawExpiryJob(RawArchive archive, TrackedRun run, TimeProvider time, IOptions<RawExpiryOptions> options) : IJob
{
    public string Name => "raw-expiry";

    public string Description => "Deletes raw responses past their retention, in bounded batches without long locks";

    public Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken) =>
        run.RunAsync(Name, context, async (_, token) =>
        {
            var now = time.GetUtcNow();
            var batchSize = options.Value.BatchSize;
            using var activity = HousekeepingTelemetry.Source.StartActivity("raw-expiry");
            var expired = await archive.CountExpiredAsync(now, token).ConfigureAwait(false);
            var expectedBatches = (expired + batchSize - 1) / batchSize;
            long batches = 0, deleted = 0;
            context.Progress.Report(new JobProgress(Name, 0, 1, 0, expectedBatches, 0, "raw_responses"));
            await archive.DeleteExpiredAsync(now, batchSize, token, batch =>
            {
                batches++;
                deleted += batch;
                HousekeepingTelemetry.RawResponsesExpired.Add(batch);
                // Rows expiring while the job runs can add a batch to the estimate.
                context.Progress.Report(new JobProgress(Name, 0, 1, batches, Math.Max(batches, expectedBatches), deleted, "raw_responses"));
            }).ConfigureAwait(false);
            context.Progress.Report(new JobProgress(Name, 1, 1, batches, batches, deleted, null));
            activity?.SetTag("weatherflick.raw_responses.deleted", deleted);
            return new Dictionary<string, long> { ["expired"] = expired, ["deleted"] = deleted, ["batches"] = batches, ["batch_size"] = batchSize };
        }, cancellationToken);
}
