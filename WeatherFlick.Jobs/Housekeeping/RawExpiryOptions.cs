using System.ComponentModel.DataAnnotations;

namespace WeatherFlick.Jobs.Housekeeping;

/// <summary>The raw-archive expiry's settings (<c>Housekeeping:RawExpiry</c>).</summary>
public sealed class RawExpiryOptions
{
    public const string Section = "Housekeeping:RawExpiry";

    /// <summary>Rows deleted per statement: each batch is one short transaction, so collectors writing meanwhile never wait long.</summary>
    [Range(1, 1_000_000)]
    public int BatchSize { get; set; } = 5000;
}
