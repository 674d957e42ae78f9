namespace WeatherFlick.Jobs.Collection.Paging;

/// <summary>How a partition's paging ended.</summary>
public sealed record PartitionOutcome(string Key, string Status, long Items, long Inserted, long Updated, long Removed, int Pages, IReadOnlyList<string> Violations, string? Error = null, DateTimeOffset? ResumeAt = null);
