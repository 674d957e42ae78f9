using Microsoft.Extensions.Options;
using WeatherFlick.Data.Weather;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Jobs.Collection.Kma;

namespace WeatherFlick.Jobs.Weather;

/// <summary>
/// getVilageFcst at the latest published issue (in KST, from the server's clock: before 02:10 that is the
/// previous day's 23:00) for every live destination's grid cell → <c>forecasts</c>, idempotent per cell and issue.
/// </summary>
public sealed class WeatherForecastJob(WeatherCollector collector, TimeProvider time, IOptions<WeatherOptions> options) : IJob
{
    public string Name => "weather-forecast";

    public string Description => "KMA short-term forecast (getVilageFcst) at the latest published issue for every destination grid cell";

    public Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var product = new KmaProduct<ForecastRow>("getVilageFcst", o.ForecastPageSize, KmaIssueTimes.PreviousVillageForecast, ForecastItems.ToRows, WeatherTables.Forecasts);
        return collector.RunAsync(Name, product, KmaIssueTimes.LatestVillageForecast(time.GetUtcNow()), o.Parallelism, context, cancellationToken);
    }
}
