using WeatherFlick.Simulator.Gateway;

namespace WeatherFlick.Simulator.Runtime;

/// <summary>Daily calls per key and operation, per provider.</summary>
internal sealed record QuotaLimits(int Kto, int Kma)
{
    public static QuotaLimits From(DailyQuotaOptions options) => new(options.Kto, options.Kma);
}
