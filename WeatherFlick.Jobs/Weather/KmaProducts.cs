using WeatherFlick.Data.Weather;
using WeatherFlick.Jobs.Collection.Kma;

namespace WeatherFlick.Jobs.Weather;

/// <summary>The KMA products this server collects.</summary>
public static class KmaProducts
{
    /// <summary>getVilageFcst → <c>forecasts</c>: issues at 02, 05 … 23 h KST, published ten minutes later.</summary>
    public static KmaProduct<ForecastRow> VillageForecast(WeatherOptions options) => new(
        "getVilageFcst", options.ForecastPageSize, KmaIssueTimes.LatestVillageForecast, KmaIssueTimes.PreviousVillageForecast,
        ForecastItems.ToRows, WeatherTables.Forecasts);

    /// <summary>getUltraSrtNcst → <c>nowcasts</c>: the HH00 observation, published at HH:10 KST.</summary>
    public static KmaProduct<NowcastRow> Nowcast(WeatherOptions options) => new(
        "getUltraSrtNcst", options.NowcastPageSize, KmaIssueTimes.LatestNowcast, KmaIssueTimes.PreviousNowcast,
        NowcastItems.ToRows, WeatherTables.Nowcasts);
}
