namespace WeatherFlick.Jobs.Recommendations;

/// <summary>A weather-fit verdict: score 0–10 with two decimals, its level, and the reason in words.</summary>
public sealed record WeatherFit(decimal Score, string Level, string Reason);
