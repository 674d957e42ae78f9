namespace WeatherFlick.Jobs.Recommendations;

/// <summary>The level of a weather-fit score, as stored in <c>recommendations.level</c>.</summary>
public static class RecommendationLevels
{
    public const string Excellent = "excellent";
    public const string Good = "good";
    public const string Fair = "fair";
    public const string Poor = "poor";

    /// <summary>excellent ≥ 8.5, good ≥ 7, fair ≥ 5, poor below.</summary>
    public static string Of(decimal score) => score switch
    {
        >= 8.5m => Excellent,
        >= 7m => Good,
        >= 5m => Fair,
        _ => Poor,
    };
}
