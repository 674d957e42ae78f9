namespace WeatherFlick.Simulator.Kma;

/// <summary>
/// The weather of one grid cell at one hour. <see cref="PrecipitationType"/> uses the short-term codes
/// (0 none, 1 rain, 2 rain/snow, 3 snow, 4 shower).
/// </summary>
internal readonly record struct WeatherState(
    double Temperature,
    double DailyMin,
    double DailyMax,
    int Sky,
    int PrecipitationType,
    int Probability,
    double RainMm,
    double SnowCm,
    int Humidity,
    double WindSpeed,
    int WindDirection,
    double WaveHeight);
