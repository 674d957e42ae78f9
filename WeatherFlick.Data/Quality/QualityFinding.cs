namespace WeatherFlick.Data.Quality;

/// <summary>What one quality rule found: how many rows (or forecast slots) it flagged and up to ten of their ids.</summary>
public sealed record QualityFinding(long Count, IReadOnlyList<string> Examples);
