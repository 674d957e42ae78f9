using WeatherFlick.Jobs.Catalog;

namespace WeatherFlick.Jobs.Alerts;

/// <summary>
/// Runs every alert check and raises what it finds. Meant to run often (every few minutes): alerts are deduplicated
/// per key and window, so frequent runs cost a few queries, not repeated messages. It keeps no run history of its
/// own; it is the one watching the others.
/// </summary>
public sealed class AlertsJob(IEnumerable<IAlertCheck> checks, AlertPublisher publisher) : IJob
{
    private readonly IReadOnlyList<IAlertCheck> _checks = [.. checks];

    public string Name => "alerts";

    public string Description => "Alerts for failed runs, runs left running by a dead process, quota spent before a run finished, disabled keys and quality drops (log and webhook, once per problem per window)";

    public async Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long> { ["checks"] = _checks.Count, ["raised"] = 0, ["sent"] = 0, ["suppressed"] = 0, ["undelivered"] = 0 };
        var done = 0;
        context.Progress.Report(new JobProgress(Name, done, _checks.Count, 0, null, 0, null));
        foreach (var check in _checks)
        {
            foreach (var alert in await check.CheckAsync(cancellationToken).ConfigureAwait(false))
            {
                counts["raised"]++;
                var delivery = await publisher.RaiseAsync(alert, cancellationToken).ConfigureAwait(false);
                counts[delivery.ToString().ToLowerInvariant()]++;
            }
            context.Progress.Report(new JobProgress(Name, ++done, _checks.Count, 0, null, counts["raised"], check.Name));
        }
        return counts["undelivered"] > 0
            ? new JobResult(JobResult.Failed, null, counts, $"{counts["undelivered"]} of {counts["raised"]} alerts could not be delivered; the next check sends them again")
            : new JobResult(JobResult.Succeeded, null, counts);
    }
}
