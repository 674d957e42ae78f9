namespace WeatherFlick.Tests.Quality;

/// <summary>A <c>quality_reports</c> row as stored, read without our own types, to check what operators will see.</summary>
public sealed record StoredReport(decimal Score, long RowsChecked, IReadOnlyDictionary<string, (long Count, IReadOnlyList<string> Examples)> Findings)
{
    /// <summary>The rule found exactly these rows (its count and its examples, in the report's order).</summary>
    public void ShouldHaveFinding(string rule, params string[] examples)
    {
        Findings.Keys.ShouldContain(rule, $"the report has no {rule} rule; it has {string.Join(", ", Findings.Keys)}");
        var (count, listed) = Findings[rule];
        listed.ShouldBe(examples, $"{rule}: examples {string.Join(", ", listed)}");
        count.ShouldBe(examples.Length, $"{rule}: count {count} but examples {string.Join(", ", listed)}");
    }
}
