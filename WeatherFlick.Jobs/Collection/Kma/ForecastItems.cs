using System.Globalization;
using WeatherFlick.Data.Weather;

namespace WeatherFlick.Jobs.Collection.Kma;

/// <summary>Pivots getVilageFcst's rows (one per category and hour) into one <see cref="ForecastRow"/> per hour.</summary>
public static class ForecastItems
{
    public static IReadOnlyList<ForecastRow> ToRows(IEnumerable<IReadOnlyDictionary<string, string?>> items, long? rawResponseId)
    {
        var hours = new Dictionary<(int, int, DateTimeOffset, DateTimeOffset), Dictionary<string, string?>>();
        foreach (var item in items)
        {
            if (!int.TryParse(item.GetValueOrDefault("nx"), CultureInfo.InvariantCulture, out var nx)
                || !int.TryParse(item.GetValueOrDefault("ny"), CultureInfo.InvariantCulture, out var ny)
                || Kst(item.GetValueOrDefault("baseDate"), item.GetValueOrDefault("baseTime")) is not { } baseAt
                || Kst(item.GetValueOrDefault("fcstDate"), item.GetValueOrDefault("fcstTime")) is not { } forecastAt
                || item.GetValueOrDefault("category") is not { } category)
            {
                continue;
            }
            var key = (nx, ny, baseAt, forecastAt);
            if (!hours.TryGetValue(key, out var values))
            {
                hours[key] = values = new Dictionary<string, string?>(StringComparer.Ordinal);
            }
            values[category] = item.GetValueOrDefault("fcstValue");
        }
        return [.. hours.Select(h => new ForecastRow(
            h.Key.Item1, h.Key.Item2, h.Key.Item3, h.Key.Item4,
            KmaValues.Number(h.Value.GetValueOrDefault("TMP")),
            KmaValues.Number(h.Value.GetValueOrDefault("TMN")),
            KmaValues.Number(h.Value.GetValueOrDefault("TMX")),
            KmaValues.Whole(h.Value.GetValueOrDefault("SKY")),
            KmaValues.Whole(h.Value.GetValueOrDefault("PTY")),
            KmaValues.Whole(h.Value.GetValueOrDefault("POP")),
            KmaValues.PrecipitationMm(h.Value.GetValueOrDefault("PCP")),
            KmaValues.SnowCm(h.Value.GetValueOrDefault("SNO")),
            KmaValues.Whole(h.Value.GetValueOrDefault("REH")),
            KmaValues.Number(h.Value.GetValueOrDefault("WSD")),
            KmaValues.Whole(h.Value.GetValueOrDefault("VEC")),
            KmaValues.Number(h.Value.GetValueOrDefault("UUU")),
            KmaValues.Number(h.Value.GetValueOrDefault("VVV")),
            KmaValues.Number(h.Value.GetValueOrDefault("WAV")),
            rawResponseId))];
    }

    private static DateTimeOffset? Kst(string? date, string? time) =>
        DateTime.TryParseExact($"{date}{time}", "yyyyMMddHHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, TimeSpan.FromHours(9)).ToUniversalTime()
            : null;
}
