using System.Globalization;
using Microsoft.Extensions.Options;
using WeatherFlick.Data.Quality;
using WeatherFlick.Jobs.Alerts;

namespace WeatherFlick.Jobs.Quality;

/// <summary>
/// A table whose latest quality report scores below its minimum (<c>Quality:*MinimumScore</c>). The quality job
/// raises it as soon as it reports; the alerts job repeats it once per window while the latest report stays low.
/// </summary>
public sealed class QualityAlertCheck(QualityReportStore reports, IOptions<QualityOptions> options) : IAlertCheck
{
    public string Name => "quality";

    public async Task<IReadOnlyList<Alert>> CheckAsync(CancellationToken cancellationToken) =>
        AlertsFor(await reports.LatestAsync(cancellationToken).ConfigureAwait(false));

    public IReadOnlyList<Alert> AlertsFor(IEnumerable<QualityReport> latest) =>
        [.. latest.Select(r => (Report: r, Minimum: options.Value.MinimumScoreFor(r.TableName)))
            .Where(r => r.Minimum is { } minimum && r.Report.Score < (decimal)minimum)
            .Select(r => AlertFor(r.Report, r.Minimum!.Value))];

    private static Alert AlertFor(QualityReport report, double minimum)
    {
        var findings = report.Findings.Where(f => f.Value.Count > 0).OrderByDescending(f => f.Value.Count)
            .Select(f => f.Value.Examples.Count == 0
                ? $"{f.Key} {f.Value.Count}"
                : $"{f.Key} {f.Value.Count} (e.g. {string.Join(", ", f.Value.Examples.Take(3))})");
        return new Alert($"quality-drop:{report.TableName}",
            string.Create(CultureInfo.InvariantCulture, $"Data quality of {report.TableName} is {report.Score:0.##}"),
            string.Create(CultureInfo.InvariantCulture,
                $"Quality report {report.Id} ({Alert.Kst(report.CheckedAt)}) scores {report.TableName} {report.Score:0.##} of 100, below its minimum {minimum:0.##}, " +
                $"over {report.RowsChecked} rows checked. Findings: {string.Join("; ", findings)}."));
    }
}
