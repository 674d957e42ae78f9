using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using WeatherFlick.Data.Quality;
using WeatherFlick.Jobs.Alerts;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Jobs.Collection.Runs;

namespace WeatherFlick.Jobs.Quality;

/// <summary>
/// Checks destinations, forecasts and the recent runs' paging, writes one <c>quality_reports</c> row per table (score,
/// rows checked, findings with example ids) and raises an alert for each table below its minimum score.
/// </summary>
public sealed partial class QualityJob(
    NpgsqlDataSource dataSource,
    QualityReportStore store,
    QualityAlertCheck qualityAlerts,
    AlertPublisher alerts,
    TrackedRun run,
    TimeProvider time,
    IOptions<QualityOptions> options,
    ILogger<QualityJob> logger) : IJob
{
    private const int Tables = 3;

    public string Name => "quality";

    public string Description => "Data-quality rules over destinations, forecasts and recent paging → quality_reports; alerts below the minimum scores";

    public Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken) =>
        run.RunAsync(Name, context, async (_, token) =>
        {
            var now = time.GetUtcNow();
            var o = options.Value;
            var checks = new (string Table, Func<Task<QualityReport>> Check)[]
            {
                (QualityTables.Destinations, () => DestinationRules.CheckAsync(dataSource, now - o.StaleAfter, token)),
                (QualityTables.Forecasts, () => ForecastRules.CheckAsync(dataSource, now, o.ForecastHours, token)),
                (QualityTables.RunPartitions, () => PagingRules.CheckAsync(dataSource, now - o.RecentRuns, token)),
            };
            var reports = new List<QualityReport>(Tables);
            long rows = 0;
            context.Progress.Report(new JobProgress(Name, 0, Tables, 0, null, 0, null));
            foreach (var (table, check) in checks)
            {
                using (QualityTelemetry.Source.StartActivity($"quality {table}"))
                {
                    reports.Add(await check().ConfigureAwait(false));
                }
                rows += reports[^1].RowsChecked;
                context.Progress.Report(new JobProgress(Name, reports.Count, Tables, 0, null, rows, table));
            }

            var saved = await store.SaveAsync(reports, now, token).ConfigureAwait(false);
            var counts = new Dictionary<string, long>();
            foreach (var report in saved)
            {
                LogReport(report.TableName, report.Score, report.RowsChecked, report.Id);
                QualityTelemetry.Score.Record((double)report.Score, new KeyValuePair<string, object?>("weatherflick.quality.table", report.TableName));
                counts[$"{report.TableName}_rows"] = report.RowsChecked;
                counts[$"{report.TableName}_score"] = (long)Math.Floor(report.Score);
            }
            var raised = qualityAlerts.AlertsFor(saved);
            counts["alerts"] = raised.Count;
            foreach (var alert in raised)
            {
                // An undelivered alert is not this job's failure: the report is stored and the alerts job raises it again.
                if (await alerts.RaiseAsync(alert, token).ConfigureAwait(false) == AlertDelivery.Undelivered)
                {
                    counts["alerts_undelivered"] = counts.GetValueOrDefault("alerts_undelivered") + 1;
                }
            }
            return counts;
        }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Quality of {Table}: {Score} over {Rows} rows (report {ReportId})")]
    private partial void LogReport(string table, decimal score, long rows, long reportId);
}
