using Npgsql;
using WeatherFlick.Data.Quality;

namespace WeatherFlick.Jobs.Quality;

/// <summary>
/// Reads a rule query's single result row: rows checked, rows without any finding, then for each rule, in the order
/// given, its count and its example ids. The score is computed here, from those two totals only.
/// </summary>
internal static class FindingsReader
{
    /// <summary>How many ids a finding names; enough to look a problem up, few enough to keep reports small.</summary>
    public const int Examples = 10;

    public static async Task<QualityReport> ReadAsync(NpgsqlCommand command, string table, IReadOnlyList<string> rules, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"The {table} rules returned no row (an aggregate always returns one).");
        }
        var checkedRows = reader.GetInt64(0);
        var clean = reader.GetInt64(1);
        var findings = new Dictionary<string, QualityFinding>(rules.Count, StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            var count = 2 + (2 * i);
            // array_agg over no rows is NULL, not an empty array.
            findings[rules[i]] = new QualityFinding(reader.GetInt64(count), reader.IsDBNull(count + 1) ? [] : reader.GetFieldValue<string[]>(count + 1));
        }
        return new QualityReport(table, QualityReport.ScoreOf(clean, checkedRows), checkedRows, findings);
    }
}
