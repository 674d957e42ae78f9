using Microsoft.Extensions.Options;
using WeatherFlick.Data.Weather;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Jobs.Collection.Kma;

namespace WeatherFlick.Jobs.Weather;

/// <summary>
/// getUltraSrtNcst, the hourly observation (HH00, published at HH:10 KST), for every live destination's grid cell
/// → <c>nowcasts</c>, idempotent per cell and hour.
/// </summary>
public sealed class WeatherNowcastJob(WeatherCollector collector, TimeProvider time, IOptions<WeatherOptions> options) : IJob
{
    public string Name => "weather-nowcast";

    public string Description => "KMA hourly now-cast (getUltraSrtNcst) for every destination grid cell";

    public Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var product = new KmaProduct<NowcastRow>("getUltraSrtNcst", o.NowcastPageSize, KmaIssueTimes.PreviousNowcast, NowcastItems.ToRows, WeatherTables.Nowcasts);
        return collector.RunAsync(Name, product, KmaIssueTimes.LatestNowcast(time.GetUtcNow()), o.Parallelism, context, cancellationToken);
    }
}
