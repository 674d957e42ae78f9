namespace WeatherFlick.Jobs.Recommendations;

/// <summary>The forecast of one hour as scoring reads it (the latest issue's values for that cell and hour).</summary>
public sealed record HourlyWeather(DateTimeOffset At, float? Tmp, short? Sky, short? Pty, short? Pop, float? PcpMm, float? SnoCm, short? Reh, float? Wsd);
