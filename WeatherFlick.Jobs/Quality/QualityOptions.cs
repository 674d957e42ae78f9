using System.ComponentModel.DataAnnotations;

namespace WeatherFlick.Jobs.Quality;

/// <summary>The data-quality check's settings (<c>Quality</c>). A table scoring below its minimum raises an alert.</summary>
public sealed class QualityOptions
{
    public const string Section = "Quality";

    /// <summary>
    /// A live destination not confirmed for longer than this is stale. A row is confirmed when it changes or when a
    /// tourism-full partition holding it completes cleanly (the weekly full sync), so the default allows one missed day.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromDays(8);

    /// <summary>Collection runs started this far back are searched for paging violations (a week covers the weekly full sync).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan RecentRuns { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Forecast hours ahead that every destination grid's latest issue must cover, hour by hour.</summary>
    [Range(1, 72)]
    public int ForecastHours { get; set; } = 48;

    /// <summary>Minimum score (0–100) of <c>destinations</c>: 100 × share of live rows without any finding.</summary>
    [Range(0.0, 100.0)]
    public double DestinationsMinimumScore { get; set; } = 90;

    /// <summary>Minimum score of <c>forecasts</c>: 100 × share of grid × hour slots covered by a plausible forecast.</summary>
    [Range(0.0, 100.0)]
    public double ForecastsMinimumScore { get; set; } = 95;

    /// <summary>
    /// Minimum score of <c>run_partitions</c>: 100 × share of recent partitions paged without a violation. Each violation
    /// may have lost rows silently, so by default any one of them raises the alert.
    /// </summary>
    [Range(0.0, 100.0)]
    public double RunPartitionsMinimumScore { get; set; } = 100;

    /// <summary>The minimum score of a checked table, or null for a table this check does not know.</summary>
    public double? MinimumScoreFor(string table) => table switch
    {
        QualityTables.Destinations => DestinationsMinimumScore,
        QualityTables.Forecasts => ForecastsMinimumScore,
        QualityTables.RunPartitions => RunPartitionsMinimumScore,
        _ => null,
    };
}
