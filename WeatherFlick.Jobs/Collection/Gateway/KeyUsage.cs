namespace WeatherFlick.Jobs.Collection.Gateway;

/// <summary>A key's standing for one operation on one KST day, for dashboards and planners.</summary>
public sealed record KeyUsage(string Provider, string KeyFingerprint, string Operation, DateOnly DayKst, int Calls, int DailyQuota, string State, DateTimeOffset? Until, string? Reason)
{
    public int Remaining => Math.Max(0, DailyQuota - Calls);
}
