namespace WeatherFlick.Data.Quality;

/// <summary>
/// One table's quality at one check: <see cref="Score"/> is 100 × the share of <see cref="RowsChecked"/> without any
/// finding (cut, not rounded, to two decimals so a report never looks better than it is), and <see cref="Findings"/>
/// names every rule with its count, zero included, so reports compare rule by rule.
/// </summary>
public sealed record QualityReport(string TableName, decimal Score, long RowsChecked, IReadOnlyDictionary<string, QualityFinding> Findings)
{
    /// <summary>The stored report's id; 0 until saved.</summary>
    public long Id { get; init; }

    public DateTimeOffset CheckedAt { get; init; }

    /// <summary>The score of <paramref name="clean"/> rows out of <paramref name="checkedRows"/>; nothing to check scores 100.</summary>
    public static decimal ScoreOf(long clean, long checkedRows) =>
        checkedRows == 0 ? 100m : Math.Floor(10_000m * clean / checkedRows) / 100m;
}
