namespace WeatherFlick.Jobs.Weather;

/// <summary>
/// What a grid cell's paging needs to resume: the issue its earlier pages came from (after a fallback it is not
/// the one the run computed) and the items of an hour cut off at the end of the last committed page.
/// </summary>
internal sealed record GridCheckpoint(DateTimeOffset Issue, IReadOnlyList<Dictionary<string, string?>> Carry, long? CarryRawResponseId);
