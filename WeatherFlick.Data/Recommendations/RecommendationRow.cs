namespace WeatherFlick.Data.Recommendations;

/// <summary>
/// How well one destination's weather suits its activity on one KST day: a score from 0 to 10 (two decimals), its
/// level (excellent, good, fair, poor), the activity profile it was judged against and the reason in words.
/// </summary>
public sealed record RecommendationRow(string ContentId, DateOnly DayKst, decimal Score, string Level, string Profile, string Reason);
