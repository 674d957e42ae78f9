namespace WeatherFlick.Jobs.Collection.Runs;

/// <summary>Where one partition of a run stands: its checkpoint (the first page not yet committed) and counts.</summary>
public sealed record PartitionState(
    long RunId,
    string Key,
    string Status,
    int NextPage,
    int PagesDone,
    int? PagesExpected,
    int? TotalCount,
    long Items,
    string? Checkpoint,
    string? Error);
