namespace WeatherFlick.Data.Time;

/// <summary>
/// Korea Standard Time: quota days, KMA issue times and schedules are counted in it. Korea has kept UTC+9 without
/// daylight saving since 1988, so a fixed offset is exact and needs no time-zone database.
/// </summary>
public static class KoreaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    /// <summary>The IANA zone for schedulers that want a <see cref="TimeZoneInfo"/>.</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Seoul", out var zone)
        ? zone
        : TimeZoneInfo.CreateCustomTimeZone("Asia/Seoul", Offset, "Korea Standard Time", "KST");

    public static DateTimeOffset ToKst(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The KST calendar day an instant falls on (the day a quota counts against).</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToKst(instant).DateTime);

    /// <summary>The next 00:00 KST after <paramref name="instant"/>, when daily quotas reset.</summary>
    public static DateTimeOffset NextMidnight(DateTimeOffset instant) =>
        new DateTimeOffset(DayOf(instant).AddDays(1).ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();
}
