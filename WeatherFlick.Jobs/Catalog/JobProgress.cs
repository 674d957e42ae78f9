namespace WeatherFlick.Jobs.Catalog;

/// <summary>
/// Where a running job stands: partitions done of planned, pages done of expected (from the upstream totalCount),
/// items stored, and what it is doing now.
/// </summary>
public sealed record JobProgress(string Job, int PartitionsDone, int PartitionsTotal, long PagesDone, long? PagesExpected, long Items, string? Current);
