namespace WeatherFlick.Data.Weather;

/// <summary>One grid cell's forecast for one hour from one issue; null where KMA gave no value or a missing marker (±900).</summary>
public sealed record ForecastRow(
    int GridNx,
    int GridNy,
    DateTimeOffset BaseAt,
    DateTimeOffset ForecastAt,
    float? Tmp,
    float? Tmn,
    float? Tmx,
    short? Sky,
    short? Pty,
    short? Pop,
    float? PcpMm,
    float? SnoCm,
    short? Reh,
    float? Wsd,
    short? Vec,
    float? Uuu,
    float? Vvv,
    float? Wav,
    long? RawResponseId);
