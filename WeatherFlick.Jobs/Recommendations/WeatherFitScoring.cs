using System.Globalization;

namespace WeatherFlick.Jobs.Recommendations;

/// <summary>
/// Scores a day's daytime weather against an activity profile. Each discomfort is measured from 0 (none) to 1
/// (as bad as it gets) and costs up to the profile's weight for it:
/// <list type="bullet">
/// <item>precipitation: half the chance above 20 % (full at 90 %), half the amount or the share of wet hours,
/// whichever is larger (full at 10 mm of rain, 5 cm of snow, or every hour wet);</item>
/// <item>heat: degrees of the day's maximum above the ideal range, full at 10; cold: degrees of the minimum below
/// it, full at 12;</item>
/// <item>wind: the strongest hour above 4 m/s, full at 12 m/s; humidity: the mean above 70 %, full at 95 %;</item>
/// <item>sky: the share of overcast hours, mostly cloudy ones counting half.</item>
/// </list>
/// Places that shelter from the weather gain their bonus in proportion to the worst of rain, heat and cold outside.
/// </summary>
public static class WeatherFitScoring
{
    public static WeatherFit Score(ActivityProfile profile, DaytimeWeather weather)
    {
        var d = Discomfort.Of(profile, weather);
        var penalty = profile.RainWeight * d.Precipitation + profile.TemperatureWeight * (d.Heat + d.Cold)
            + profile.WindWeight * d.Wind + profile.HumidityWeight * d.Humidity + profile.SkyWeight * d.Grey;
        var shelter = profile.ShelterBonus * Math.Max(d.Precipitation, Math.Max(d.Heat, d.Cold));
        var score = Math.Round((decimal)Math.Clamp(profile.Baseline - penalty + shelter, 0, 10), 2, MidpointRounding.AwayFromZero);
        var level = RecommendationLevels.Of(score);
        return new WeatherFit(score, level, $"{Describe(weather)}: {profile.Activity}에 {LevelWords(level)}{Note(profile, weather, d, level, shelter)}");
    }

    /// <summary>The discomforts of a day for a profile, each from 0 to 1.</summary>
    private readonly record struct Discomfort(double Precipitation, double Heat, double Cold, double Wind, double Humidity, double Grey)
    {
        public static Discomfort Of(ActivityProfile profile, DaytimeWeather w)
        {
            var hours = Math.Max(1, w.Hours);
            // For winter sports falling snow is the point: only rain counts, and a snow-only day's chance of
            // precipitation is a chance of snow.
            var snowOnly = w.SnowHours > 0 && w.LiquidHours == 0;
            var chance = profile.SnowFriendly && snowOnly ? 0 : Unit(((w.PopMax ?? 0) - 20) / 70.0);
            var amount = profile.SnowFriendly ? Unit(w.RainMm / 10.0) : Unit(w.RainMm / 10.0 + w.SnowCm / 5.0);
            var wet = (double)(profile.SnowFriendly ? w.LiquidHours : w.LiquidHours + w.SnowHours) / hours;
            return new Discomfort(
                Unit(0.5 * chance + 0.5 * Math.Max(amount, wet)),
                w.TempMax is { } max ? Unit((max - profile.IdealMaxC) / 10.0) : 0,
                w.TempMin is { } min ? Unit((profile.IdealMinC - min) / 12.0) : 0,
                w.WindMax is { } wind ? Unit((wind - 4) / 8.0) : 0,
                w.HumidityMean is { } humidity ? Unit((humidity - 70) / 25.0) : 0,
                (w.OvercastHours + 0.5 * w.CloudyHours) / hours);
        }

        private static double Unit(double value) => Math.Clamp(value, 0, 1);
    }

    /// <summary>The day in words: "맑고 기온 18~23℃, 강수확률 10%", with amounts, wind and humidity when they matter.</summary>
    private static string Describe(DaytimeWeather w)
    {
        var parts = new List<string>();
        if (w.TempMin is { } min && w.TempMax is { } max)
        {
            var (low, high) = ((int)Math.Round(min, MidpointRounding.AwayFromZero), (int)Math.Round(max, MidpointRounding.AwayFromZero));
            parts.Add(low == high ? Invariant($"기온 {low}℃") : Invariant($"기온 {low}~{high}℃"));
        }
        if (w.PopMax is { } pop)
        {
            parts.Add(Invariant($"강수확률 {pop}%"));
        }
        if (w.RainMm >= 0.5)
        {
            parts.Add(Invariant($"강수량 {w.RainMm:0.#}mm"));
        }
        if (w.SnowCm >= 0.5)
        {
            parts.Add(Invariant($"적설 {w.SnowCm:0.#}cm"));
        }
        if (w.WindMax is >= 7 and var wind)
        {
            parts.Add(Invariant($"바람 {wind:0.#}m/s"));
        }
        if (w.HumidityMean is >= 80 and var humidity)
        {
            parts.Add(Invariant($"습도 {humidity:0}%"));
        }
        var (joined, alone) = Sky(w);
        return parts.Count == 0 ? alone : $"{joined} {string.Join(", ", parts)}".TrimStart();
    }

    /// <summary>The sky or precipitation of the day, as a joining form ("맑고") and a closing form ("맑음").</summary>
    private static (string Joined, string Alone) Sky(DaytimeWeather w)
    {
        if (w.LiquidHours + w.SnowHours > 0)
        {
            var most = new[] { (w.ShowerHours, "소나기가 오고", "소나기"), (w.SnowHours, "눈이 오고", "눈"), (w.SleetHours, "비나 눈이 오고", "비 또는 눈"), (w.RainHours, "비가 오고", "비") }
                .MaxBy(t => t.Item1);
            return (most.Item2, most.Item3);
        }
        if (w.ClearHours + w.CloudyHours + w.OvercastHours == 0)
        {
            return ("", "날씨 정보 일부 없음");
        }
        return w.ClearHours >= w.CloudyHours && w.ClearHours >= w.OvercastHours ? ("맑고", "맑음")
            : w.CloudyHours >= w.OvercastHours ? ("구름 많고", "구름 많음")
            : ("흐리고", "흐림");
    }

    private static string LevelWords(string level) => level switch
    {
        RecommendationLevels.Excellent => "매우 좋음",
        RecommendationLevels.Good => "좋음",
        RecommendationLevels.Fair => "보통",
        _ => "좋지 않음",
    };

    /// <summary>Why it is not better, or, for a shelter, what it shelters from.</summary>
    private static string Note(ActivityProfile profile, DaytimeWeather w, Discomfort d, string level, double shelter)
    {
        var snowy = w.SnowHours > w.LiquidHours;
        if (shelter >= 0.5)
        {
            var escaped = d.Precipitation >= Math.Max(d.Heat, d.Cold) ? (snowy ? "눈을" : "비를") : d.Heat >= d.Cold ? "더위를" : "추위를";
            return $" ({escaped} 피하기 좋음)";
        }
        if (level == RecommendationLevels.Excellent)
        {
            return "";
        }
        var (cost, factor) = new[]
        {
            (profile.RainWeight * d.Precipitation, snowy ? "눈" : "비"),
            (profile.TemperatureWeight * d.Heat, "높은 기온"),
            (profile.TemperatureWeight * d.Cold, "낮은 기온"),
            (profile.WindWeight * d.Wind, "강한 바람"),
            (profile.HumidityWeight * d.Humidity, "높은 습도"),
            (profile.SkyWeight * d.Grey, "흐린 하늘"),
        }.MaxBy(t => t.Item1);
        // Places that do not depend on the weather score below excellent on fine days too: nothing to blame then.
        return cost < 0.1 ? "" : $" (주된 요인: {factor})";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
