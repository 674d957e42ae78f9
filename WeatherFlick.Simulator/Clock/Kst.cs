namespace WeatherFlick.Simulator.Clock;

/// <summary>Korea Standard Time: UTC+9 all year (no daylight saving since 1988), the zone of quota days and KMA issue times.</summary>
public static class Kst
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateTimeOffset ToKst(this DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The KST calendar day an instant falls on (quota days start at 00:00 KST).</summary>
    public static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>Reads a KST wall-clock time (e.g. <c>base_date</c> + <c>base_time</c>) as an instant.</summary>
    public static DateTimeOffset At(DateOnly day, int hour, int minute) =>
        new(day.Year, day.Month, day.Day, hour, minute, 0, Offset);

    public static DateTimeOffset At(DateTime kstWallClock) => new(DateTime.SpecifyKind(kstWallClock, DateTimeKind.Unspecified), Offset);
}
