using System.ComponentModel.DataAnnotations;

namespace WeatherFlick.Jobs.Tourism;

/// <summary>The tourism collectors' settings (<c>Collection:Tourism</c>).</summary>
public sealed class TourismOptions
{
    public const string Section = "Collection:Tourism";

    /// <summary>Rows per list page: the largest the service serves keeps the call count (and quota) down.</summary>
    [Range(10, 1000)]
    public int PageSize { get; set; } = 1000;

    /// <summary>Partitions paged at once (each pages sequentially).</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 4;

    /// <summary>The MobileApp parameter every KTO call carries.</summary>
    [Required]
    public string MobileApp { get; set; } = "WeatherFlick";
}
