using System.ComponentModel.DataAnnotations;

namespace WeatherFlick.Jobs.Weather;

/// <summary>The KMA collectors' settings (<c>Collection:Weather</c>).</summary>
public sealed class WeatherOptions
{
    public const string Section = "Collection:Weather";

    /// <summary>
    /// numOfRows of getVilageFcst. An issue has about 800–1,100 rows depending on its hour and era, so 1,000 takes
    /// one or two calls per cell; the row count is read from totalCount, never assumed.
    /// </summary>
    [Range(10, 1000)]
    public int ForecastPageSize { get; set; } = 1000;

    /// <summary>numOfRows of getUltraSrtNcst (eight categories per observation: one call per cell).</summary>
    [Range(8, 1000)]
    public int NowcastPageSize { get; set; } = 10;

    /// <summary>Grid cells collected at once (each pages sequentially).</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 4;
}
