using System.ComponentModel.DataAnnotations;

namespace WeatherFlick.Simulator.Kto.Dataset;

/// <summary>
/// How the catalogue changes as simulated time passes after the dataset epoch, as shares of <c>Size</c> per day.
/// Events are spread evenly over each simulated hour, so the state is a pure function of (seed, size, now).
/// </summary>
public sealed class EvolutionOptions
{
    /// <summary>The instant the generated catalogue is "as of" (KST when no offset); events happen only after it.</summary>
    public DateTimeOffset Epoch { get; set; } = new(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(9));

    /// <summary>Share of the catalogue whose <c>modifiedtime</c> moves per simulated day.</summary>
    [Range(0.0, 1.0)]
    public double ModifiedPerDay { get; set; } = 0.003;

    /// <summary>Share of the catalogue deleted per simulated day (showflag 0 in areaBasedSyncList2).</summary>
    [Range(0.0, 1.0)]
    public double DeletedPerDay { get; set; } = 0.0001;

    /// <summary>New destinations per simulated day, as a share of <c>Size</c>.</summary>
    [Range(0.0, 1.0)]
    public double CreatedPerDay { get; set; } = 0.0002;
}
