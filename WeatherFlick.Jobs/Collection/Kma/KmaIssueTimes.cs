using System.Globalization;
using WeatherFlick.Data.Time;

namespace WeatherFlick.Jobs.Collection.Kma;

/// <summary>
/// Which KMA issue is the latest one published at a given instant (all in KST): the short-term forecast is issued at
/// 02, 05, 08, 11, 14, 17, 20 and 23 h and published 10 minutes later; the now-cast is observed on the hour and
/// published at HH:10; the 6-hour forecast is issued at HH:30 and published at HH:45.
/// </summary>
public static class KmaIssueTimes
{
    private static readonly int[] VillageHours = [2, 5, 8, 11, 14, 17, 20, 23];
    private static readonly TimeSpan VillageDelay = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan NowcastDelay = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan UltraShortDelay = TimeSpan.FromMinutes(15);

    /// <summary>The latest published getVilageFcst issue, as a KST instant (before 02:10 that is the previous day's 23:00).</summary>
    public static DateTimeOffset LatestVillageForecast(DateTimeOffset now)
    {
        var kst = KoreaTime.ToKst(now) - VillageDelay;
        var hour = VillageHours.LastOrDefault(h => h <= kst.Hour, -1);
        var day = new DateTimeOffset(kst.Date, KoreaTime.Offset);
        return hour < 0 ? day.AddDays(-1).AddHours(23) : day.AddHours(hour);
    }

    /// <summary>The latest published getUltraSrtNcst observation (HH00, from HH:10).</summary>
    public static DateTimeOffset LatestNowcast(DateTimeOffset now)
    {
        var kst = KoreaTime.ToKst(now) - NowcastDelay;
        return new DateTimeOffset(kst.Year, kst.Month, kst.Day, kst.Hour, 0, 0, KoreaTime.Offset);
    }

    /// <summary>The latest published getUltraSrtFcst issue (HH30, from HH:45).</summary>
    public static DateTimeOffset LatestUltraShortForecast(DateTimeOffset now)
    {
        var kst = KoreaTime.ToKst(now) - UltraShortDelay - TimeSpan.FromMinutes(30);
        return new DateTimeOffset(kst.Year, kst.Month, kst.Day, kst.Hour, 30, 0, KoreaTime.Offset);
    }

    /// <summary>The village-forecast issue before <paramref name="issue"/> (issues are three hours apart).</summary>
    public static DateTimeOffset PreviousVillageForecast(DateTimeOffset issue) => issue.AddHours(-3);

    /// <summary>The now-cast observation before <paramref name="observation"/> (hourly).</summary>
    public static DateTimeOffset PreviousNowcast(DateTimeOffset observation) => observation.AddHours(-1);

    /// <summary>
    /// Whether a village-forecast hour lies on the 3-hourly extra days KMA added on 2024-11-28, where PCP, SNO and WSD
    /// are band codes instead of amounts. The hourly part runs to 24:00 of day +2 (02–14 h issues) or day +3 (17–23 h
    /// issues); earlier issues end there, so for them the answer is always false.
    /// </summary>
    public static bool IsExtendedVillageSlot(DateTimeOffset issue, DateTimeOffset forecastAt)
    {
        var kst = KoreaTime.ToKst(issue);
        var hourlyEnd = new DateTimeOffset(kst.Date, KoreaTime.Offset).AddDays(kst.Hour >= 17 ? 4 : 3);
        return forecastAt > hourlyEnd;
    }

    /// <summary>The <c>base_date</c> and <c>base_time</c> parameters of an issue.</summary>
    public static (string BaseDate, string BaseTime) ToParameters(DateTimeOffset issue)
    {
        var kst = KoreaTime.ToKst(issue);
        return (kst.ToString("yyyyMMdd", CultureInfo.InvariantCulture), kst.ToString("HHmm", CultureInfo.InvariantCulture));
    }

    /// <summary>The instant (UTC) of a KST date and time as KMA writes them (<c>20261122</c>, <c>0500</c>), or null when malformed.</summary>
    public static DateTimeOffset? FromParameters(string? date, string? time) =>
        DateTime.TryParseExact($"{date}{time}", "yyyyMMddHHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, KoreaTime.Offset).ToUniversalTime()
            : null;
}
