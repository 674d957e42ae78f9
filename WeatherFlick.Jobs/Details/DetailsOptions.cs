using System.ComponentModel.DataAnnotations;
using WeatherFlick.Jobs.Collection.Kto;

namespace WeatherFlick.Jobs.Details;

/// <summary>The detail enrichment job's settings (<c>Collection:Details</c>).</summary>
public sealed class DetailsOptions : IValidatableObject
{
    public const string Section = "Collection:Details";

    /// <summary>
    /// Calls of each detail operation left unspent today, summed over the keys: room for operators and other jobs,
    /// and for the few retries an in-flight destination may still need when the plan runs out.
    /// </summary>
    [Range(0, 10_000_000)]
    public int ReservePerOperation { get; set; } = 50;

    /// <summary>
    /// Priority weight per legacy area code (1 … 39), default 1. A destination's priority is its area weight times its
    /// content type weight; higher goes first, ties newest-modified first. 0 puts an area last, it does not exclude it.
    /// </summary>
    public Dictionary<int, double> AreaWeights { get; set; } = [];

    /// <summary>Priority weight per content type (12, 14, 15, 25, 28, 32, 38, 39), default 1; multiplied with the area's.</summary>
    public Dictionary<int, double> ContentTypeWeights { get; set; } = [];

    /// <summary>Destinations fetched at once (each makes its three calls one after the other).</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 4;

    /// <summary>Destinations taken from the backlog per step; the remaining quota is read again from the ledger between steps.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Destinations in a row whose calls keep failing (after the gateway's retries) before the run gives up as failed.</summary>
    [Range(1, 10_000)]
    public int TransientFailureLimit { get; set; } = 20;

    /// <summary>
    /// How long a destination whose detailCommon2 or detailIntro2 answered "no data" twice is left alone (unless it
    /// changes first). The services sometimes answer NO_DATA for content they have; content really gone leaves the
    /// catalog through the catalog sync meanwhile.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan RetryNoDataAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The MobileApp parameter every KTO call carries.</summary>
    [Required]
    public string MobileApp { get; set; } = "WeatherFlick";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (code, weight) in AreaWeights)
        {
            if (!KtoCodes.Areas.Contains(code))
            {
                yield return new ValidationResult($"{Section}:AreaWeights:{code} is not a KTO area code ({string.Join(", ", KtoCodes.Areas)}).", [nameof(AreaWeights)]);
            }
            if (!double.IsFinite(weight) || weight < 0)
            {
                yield return new ValidationResult($"{Section}:AreaWeights:{code} must be a number of 0 or more.", [nameof(AreaWeights)]);
            }
        }
        foreach (var (type, weight) in ContentTypeWeights)
        {
            if (!KtoCodes.ContentTypes.Contains(type))
            {
                yield return new ValidationResult($"{Section}:ContentTypeWeights:{type} is not a KTO content type ({string.Join(", ", KtoCodes.ContentTypes)}).", [nameof(ContentTypeWeights)]);
            }
            if (!double.IsFinite(weight) || weight < 0)
            {
                yield return new ValidationResult($"{Section}:ContentTypeWeights:{type} must be a number of 0 or more.", [nameof(ContentTypeWeights)]);
            }
        }
    }
}
