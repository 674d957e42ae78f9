using Microsoft.Extensions.Options;
using WeatherFlick.Jobs.Catalog;

namespace WeatherFlick.Jobs.Weather;

/// <summary>
/// A KMA product at its latest published issue (in KST, from the server's clock) for every live destination's
/// grid cell, idempotent per cell and issue.
/// </summary>
public sealed class WeatherJob<TRow>(string name, string description, Func<WeatherOptions, KmaProduct<TRow>> product,
    WeatherCollector collector, TimeProvider time, IOptions<WeatherOptions> options) : IJob
{
    public string Name => name;

    public string Description => description;

    public Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var chosen = product(o);
        return collector.RunAsync(Name, chosen, chosen.LatestIssue(time.GetUtcNow()), o.Parallelism, context, cancellationToken);
    }
}
