using System.Globalization;
using Microsoft.Extensions.Options;
using Npgsql;
using WeatherFlick.Data.Recommendations;
using WeatherFlick.Data.Time;
using WeatherFlick.Data.Weather;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Jobs.Collection.Runs;

namespace WeatherFlick.Jobs.Recommendations;

/// <summary>
/// For every live destination and each KST day from today (three by default): a weather-fit score, level and
/// reason from the daytime hours of its cell's latest forecasts, judged against its activity profile. One
/// partition per day (<c>day=2026-11-22</c>), its rows upserted with the checkpoint; a destination that has no
/// forecast for a day gets no recommendation for it, and loses the one it had.
/// </summary>
public sealed class RecommendationsJob(NpgsqlDataSource dataSource, RunStore runs, TimeProvider time, IOptions<RecommendationOptions> options) : IJob
{
    public string Name => "recommendations";

    public string Description => "Weather-fit score, level and reason of every destination for today and the following KST days (three by default)";

    public async Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var today = KoreaTime.DayOf(time.GetUtcNow());
        var days = Enumerable.Range(0, o.Days).Select(today.AddDays).ToList();
        var (runId, _) = await runs.StartOrResumeAsync(Name, context.Trigger, cancellationToken).ConfigureAwait(false);
        await runs.PlanAsync(runId, [.. days.Select(Key)], cancellationToken).ConfigureAwait(false);
        var states = (await runs.PartitionsAsync(runId, cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.Key);
        foreach (var behind in states.Values.Where(s => s.Status != RunStatus.Done && !days.Select(Key).Contains(s.Key)))
        {
            // A run resumed on a later KST day: yesterday is no longer ahead, today's run scores what is.
            await runs.SetPartitionStatusAsync(runId, behind.Key, RunStatus.Cancelled, "the day had passed when the run resumed", cancellationToken).ConfigureAwait(false);
        }
        var pending = days.Where(day => states[Key(day)].Status != RunStatus.Done).ToList();

        var destinations = await RecommendationInputs.LiveDestinationsAsync(dataSource, cancellationToken).ConfigureAwait(false);
        var forecasts = await RecommendationInputs.ForecastHoursAsync(dataSource,
            At(days[0], o.DaytimeFromHour), At(days[^1], o.DaytimeToHour), cancellationToken).ConfigureAwait(false);

        var counts = new Dictionary<string, long>
        {
            ["destinations"] = destinations.Count,
            ["days"] = days.Count,
            ["items"] = 0, ["inserted"] = 0, ["updated"] = 0, ["unchanged"] = 0, ["removed"] = 0, ["without_forecast"] = 0,
            [RecommendationLevels.Excellent] = 0, [RecommendationLevels.Good] = 0, [RecommendationLevels.Fair] = 0, [RecommendationLevels.Poor] = 0,
        };
        var done = days.Count - pending.Count;
        context.Progress.Report(new JobProgress(Name, done, days.Count, done, days.Count, 0, null));
        foreach (var day in pending)
        {
            var rows = Score(day, destinations, forecasts, o);
            long removed = 0;
            var result = await runs.CommitPageAsync(runId, Key(day), nextPage: 2, pagesExpected: 1, totalCount: rows.Count, items: rows.Count,
                async (connection, transaction, token) =>
                {
                    var upserted = rows.Count == 0 ? default : await RecommendationTables.Recommendations.UpsertAsync(connection, rows, transaction, token).ConfigureAwait(false);
                    removed = await RecommendationTables.DeleteOthersAsync(connection, transaction, day, [.. rows.Select(r => r.ContentId)], token).ConfigureAwait(false);
                    return (upserted, (string?)null);
                }, cancellationToken).ConfigureAwait(false);
            await runs.SetPartitionStatusAsync(runId, Key(day), RunStatus.Done, null, cancellationToken).ConfigureAwait(false);

            counts["items"] += rows.Count;
            counts["inserted"] += result.Inserted;
            counts["updated"] += result.Updated;
            counts["unchanged"] += result.Unchanged;
            counts["removed"] += removed;
            counts["without_forecast"] += destinations.Count - rows.Count;
            foreach (var row in rows)
            {
                counts[row.Level]++;
            }
            done++;
            context.Progress.Report(new JobProgress(Name, done, days.Count, done, days.Count, counts["items"], Key(day)));
        }
        await runs.FinishAsync(runId, RunStatus.Succeeded, null, null, cancellationToken).ConfigureAwait(false);
        return new JobResult(JobResult.Succeeded, runId, counts);
    }

    private static List<RecommendationRow> Score(DateOnly day, IReadOnlyList<ScoredDestination> destinations,
        IReadOnlyDictionary<GridCell, List<HourlyWeather>> forecasts, RecommendationOptions o)
    {
        // Destinations share cells and profiles: each pair is judged once.
        var weather = new Dictionary<GridCell, DaytimeWeather?>();
        var fits = new Dictionary<(GridCell, string), WeatherFit>();
        var rows = new List<RecommendationRow>(destinations.Count);
        foreach (var destination in destinations)
        {
            if (!weather.TryGetValue(destination.Cell, out var daytime))
            {
                weather[destination.Cell] = daytime = forecasts.TryGetValue(destination.Cell, out var hours)
                    ? DaytimeWeather.Of(day, hours, o.DaytimeFromHour, o.DaytimeToHour)
                    : null;
            }
            if (daytime is null)
            {
                continue;
            }
            if (!fits.TryGetValue((destination.Cell, destination.Profile.Name), out var fit))
            {
                fits[(destination.Cell, destination.Profile.Name)] = fit = WeatherFitScoring.Score(destination.Profile, daytime);
            }
            rows.Add(new RecommendationRow(destination.ContentId, day, fit.Score, fit.Level, destination.Profile.Name, fit.Reason));
        }
        return rows;
    }

    private static string Key(DateOnly day) => "day=" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), KoreaTime.Offset);
}
