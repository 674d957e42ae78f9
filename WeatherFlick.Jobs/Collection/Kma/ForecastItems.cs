using WeatherFlick.Data.Weather;

namespace WeatherFlick.Jobs.Collection.Kma;

/// <summary>
/// Pivots getVilageFcst's rows (one per category and hour) into one <see cref="ForecastRow"/> per hour. On the
/// 3-hourly extra days PCP, SNO and WSD are band codes, read as amounts by <see cref="KmaValues"/>'s band readers.
/// </summary>
public static class ForecastItems
{
    public static IReadOnlyList<ForecastRow> ToRows(IEnumerable<IReadOnlyDictionary<string, string?>> items, long? rawResponseId) =>
    [
        .. KmaPivot.ByCellAndTime(items, item => KmaIssueTimes.FromParameters(item.GetValueOrDefault("fcstDate"), item.GetValueOrDefault("fcstTime")), "fcstValue")
            .Select(hour =>
            {
                var (nx, ny, baseAt, forecastAt) = hour.Key;
                var values = hour.Value;
                var banded = KmaIssueTimes.IsExtendedVillageSlot(baseAt, forecastAt);
                return new ForecastRow(
                    nx, ny, baseAt, forecastAt,
                    KmaValues.Number(values.GetValueOrDefault("TMP")),
                    KmaValues.Number(values.GetValueOrDefault("TMN")),
                    KmaValues.Number(values.GetValueOrDefault("TMX")),
                    KmaValues.Whole(values.GetValueOrDefault("SKY")),
                    KmaValues.Whole(values.GetValueOrDefault("PTY")),
                    KmaValues.Whole(values.GetValueOrDefault("POP")),
                    banded ? KmaValues.PrecipitationBandMm(values.GetValueOrDefault("PCP")) : KmaValues.PrecipitationMm(values.GetValueOrDefault("PCP")),
                    banded ? KmaValues.SnowBandCm(values.GetValueOrDefault("SNO")) : KmaValues.SnowCm(values.GetValueOrDefault("SNO")),
                    KmaValues.Whole(values.GetValueOrDefault("REH")),
                    banded ? KmaValues.WindBandMs(values.GetValueOrDefault("WSD")) : KmaValues.Number(values.GetValueOrDefault("WSD")),
                    KmaValues.Whole(values.GetValueOrDefault("VEC")),
                    KmaValues.Number(values.GetValueOrDefault("UUU")),
                    KmaValues.Number(values.GetValueOrDefault("VVV")),
                    KmaValues.Number(values.GetValueOrDefault("WAV")),
                    rawResponseId);
            }),
    ];
}
