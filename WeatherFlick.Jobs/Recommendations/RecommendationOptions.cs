using System.ComponentModel.DataAnnotations;

namespace WeatherFlick.Jobs.Recommendations;

/// <summary>The recommendation scoring's settings (<c>Recommendations</c>).</summary>
public sealed class RecommendationOptions : IValidatableObject
{
    public const string Section = "Recommendations";

    /// <summary>KST days scored, from today: 3 is today, tomorrow and the day after (the hourly forecast reaches day +2 in every issue).</summary>
    [Range(1, 3)]
    public int Days { get; set; } = 3;

    /// <summary>First KST hour of the daytime window the score looks at.</summary>
    [Range(0, 23)]
    public int DaytimeFromHour { get; set; } = 9;

    /// <summary>Last KST hour of the daytime window (inclusive).</summary>
    [Range(0, 23)]
    public int DaytimeToHour { get; set; } = 18;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DaytimeFromHour > DaytimeToHour)
        {
            yield return new ValidationResult($"{nameof(DaytimeFromHour)} ({DaytimeFromHour}) must not be after {nameof(DaytimeToHour)} ({DaytimeToHour}).",
                [nameof(DaytimeFromHour), nameof(DaytimeToHour)]);
        }
    }
}
