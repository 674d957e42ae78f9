using System.ComponentModel.DataAnnotations;

namespace WeatherFlick.Simulator.Gateway;

/// <summary>Calls allowed per key, per operation, per KST day (data.go.kr development accounts: KTO 1,000, KMA 10,000).</summary>
public sealed class DailyQuotaOptions
{
    [Range(0, int.MaxValue)]
    public int Kto { get; set; } = 1_000;

    [Range(0, int.MaxValue)]
    public int Kma { get; set; } = 10_000;
}
