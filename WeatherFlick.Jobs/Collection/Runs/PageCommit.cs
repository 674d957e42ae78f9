namespace WeatherFlick.Jobs.Collection.Runs;

/// <summary>What a committed page moves the partition's checkpoint to.</summary>
public sealed record PageCommit(int NextPage, int? PagesExpected, int? TotalCount, string? Checkpoint = null);
