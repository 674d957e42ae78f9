namespace WeatherFlick.Simulator.Gateway;

/// <summary>The two services behind the gateway; quotas default differently per provider.</summary>
internal enum Provider
{
    Kto,
    Kma,
}
