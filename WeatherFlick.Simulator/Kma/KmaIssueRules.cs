using WeatherFlick.Simulator.Clock;

namespace WeatherFlick.Simulator.Kma;

/// <summary>Which base times each product has, when each issue is published, and how far back the service serves them.</summary>
internal sealed class KmaIssueRules(KmaOptions options)
{
    private static readonly int[] ShortTermHours = [2, 5, 8, 11, 14, 17, 20, 23];

    public static bool IsValidBaseTime(string operation, int hour, int minute) => operation switch
    {
        KmaService.Nowcast => minute == 0,
        KmaService.UltraShortForecast => minute == 30,
        KmaService.ShortTermForecast => minute == 0 && ShortTermHours.Contains(hour),
        _ => false,
    };

    public DateTimeOffset PublishedAt(string operation, DateTimeOffset issue) => operation switch
    {
        KmaService.Nowcast => issue.AddMinutes(options.NcstPublishDelayMinutes),
        KmaService.UltraShortForecast => issue.AddMinutes(options.UltraFcstPublishMinute - 30),
        _ => issue.AddMinutes(options.VilagePublishDelayMinutes),
    };

    /// <summary>The history-window message when an issue is too old to be served, or null.</summary>
    public string? TooOld(string operation, DateTimeOffset issue, DateTimeOffset now) => operation == KmaService.ShortTermForecast
        ? issue < now.AddDays(-options.VilageHistoryDays) ? $"최근 {options.VilageHistoryDays}일 간의 자료만 제공합니다." : null
        : issue < now.AddHours(-options.UltraHistoryHours) ? $"최근 {Math.Max(1, options.UltraHistoryHours / 24)}일 간의 자료만 제공합니다." : null;

    public static DateTimeOffset Issue(DateOnly day, int hour, int minute) => Kst.At(day, hour, minute);
}
