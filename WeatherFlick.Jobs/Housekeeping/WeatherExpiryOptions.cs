using System.ComponentModel.DataAnnotations;

namespace WeatherFlick.Jobs.Housekeeping;

/// <summary>The weather tables' retention (<c>Housekeeping:WeatherExpiry</c>).</summary>
public sealed class WeatherExpiryOptions
{
    public const string Section = "Housekeeping:WeatherExpiry";

    /// <summary>Forecast hours and now-cast observations older than this many days are deleted.</summary>
    [Range(1, 3650)]
    public int KeepDays { get; set; } = 7;

    /// <summary>
    /// An issue's forecast for an hour is deleted once a newer issue covers the same grid and hour and the old issue is
    /// older than this: every issue adds about a thousand rows per grid, and only the newest is read.
    /// </summary>
    [Range(1, 8760)]
    public int SupersededAfterHours { get; set; } = 24;

    /// <summary>Rows deleted per statement: each batch is one short transaction.</summary>
    [Range(1, 1_000_000)]
    public int BatchSize { get; set; } = 5000;
}
