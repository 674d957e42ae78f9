using WeatherFlick.Data.Weather;

namespace WeatherFlick.Jobs.Collection.Kma;

/// <summary>Pivots getUltraSrtNcst's rows (one per category, value in <c>obsrValue</c>) into one <see cref="NowcastRow"/> per cell and hour.</summary>
public static class NowcastItems
{
    public static IReadOnlyList<NowcastRow> ToRows(IEnumerable<IReadOnlyDictionary<string, string?>> items, long? rawResponseId) =>
    [
        // The observation hour is the issue itself (base_date/base_time); the items carry no fcstDate/fcstTime.
        .. KmaPivot.ByCellAndTime(items, item => KmaIssueTimes.FromParameters(item.GetValueOrDefault("baseDate"), item.GetValueOrDefault("baseTime")), "obsrValue")
            .Select(hour => new NowcastRow(
                hour.Key.Nx, hour.Key.Ny, hour.Key.At,
                KmaValues.Number(hour.Value.GetValueOrDefault("T1H")),
                // Observed RN1 is a plain number of millimetres; the amount reader also takes the forecast's words.
                KmaValues.PrecipitationMm(hour.Value.GetValueOrDefault("RN1")),
                KmaValues.Whole(hour.Value.GetValueOrDefault("REH")),
                KmaValues.Whole(hour.Value.GetValueOrDefault("PTY")),
                KmaValues.Number(hour.Value.GetValueOrDefault("WSD")),
                KmaValues.Whole(hour.Value.GetValueOrDefault("VEC")),
                KmaValues.Number(hour.Value.GetValueOrDefault("UUU")),
                KmaValues.Number(hour.Value.GetValueOrDefault("VVV")),
                rawResponseId)),
    ];
}
