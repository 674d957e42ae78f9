using WeatherFlick.Data.Time;

namespace WeatherFlick.Jobs.Recommendations;

/// <summary>
/// One KST day's daytime weather, summed up from its forecast hours: temperature range, the highest chance of
/// precipitation, amounts, hours of each precipitation type (PTY 1 rain, 2 rain/snow, 3 snow, 4 shower) and sky
/// (SKY 1 clear, 3 mostly cloudy, 4 overcast), mean humidity and the strongest wind. Missing values (sea cells)
/// stay null and are left out of the score.
/// </summary>
public sealed record DaytimeWeather(
    int Hours,
    float? TempMin,
    float? TempMax,
    int? PopMax,
    float RainMm,
    float SnowCm,
    int RainHours,
    int SleetHours,
    int SnowHours,
    int ShowerHours,
    float? HumidityMean,
    float? WindMax,
    int ClearHours,
    int CloudyHours,
    int OvercastHours)
{
    /// <summary>Hours with liquid precipitation (rain, rain mixed with snow, showers).</summary>
    public int LiquidHours => RainHours + SleetHours + ShowerHours;

    /// <summary>
    /// The hours of <paramref name="day"/> (KST) from <paramref name="fromHour"/> to <paramref name="toHour"/>
    /// inclusive, or null when the forecast has none of them.
    /// </summary>
    public static DaytimeWeather? Of(DateOnly day, IEnumerable<HourlyWeather> hours, int fromHour, int toHour)
    {
        var daytime = hours.Where(h => KoreaTime.DayOf(h.At) == day && KoreaTime.ToKst(h.At).Hour is var hour && hour >= fromHour && hour <= toHour).ToList();
        if (daytime.Count == 0)
        {
            return null;
        }
        var temperatures = daytime.Where(h => h.Tmp is not null).Select(h => h.Tmp!.Value).ToList();
        var humidity = daytime.Where(h => h.Reh is not null).Select(h => (float)h.Reh!.Value).ToList();
        var winds = daytime.Where(h => h.Wsd is not null).Select(h => h.Wsd!.Value).ToList();
        var pops = daytime.Where(h => h.Pop is not null).Select(h => (int)h.Pop!.Value).ToList();
        int Count(Func<HourlyWeather, bool> predicate) => daytime.Count(predicate);
        return new DaytimeWeather(
            daytime.Count,
            temperatures.Count > 0 ? temperatures.Min() : null,
            temperatures.Count > 0 ? temperatures.Max() : null,
            pops.Count > 0 ? pops.Max() : null,
            // Under snow PCP is the melted amount that SNO already measures.
            daytime.Where(h => h.Pty != 3).Sum(h => h.PcpMm ?? 0),
            daytime.Sum(h => h.SnoCm ?? 0),
            Count(h => h.Pty == 1),
            Count(h => h.Pty == 2),
            Count(h => h.Pty == 3),
            Count(h => h.Pty == 4),
            humidity.Count > 0 ? humidity.Average() : null,
            winds.Count > 0 ? winds.Max() : null,
            Count(h => h.Sky == 1),
            Count(h => h.Sky == 3),
            Count(h => h.Sky == 4));
    }
}
