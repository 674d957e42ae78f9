namespace WeatherFlick.Jobs.Tourism;

/// <summary>
/// What an incremental partition keeps across a crash: the watermark it stops at, and the newest modifiedtime it
/// has seen (which becomes the next watermark only when the partition completes).
/// </summary>
internal sealed record IncrementalCheckpoint(DateTimeOffset? Watermark, DateTimeOffset? Newest);
