namespace WeatherFlick.Data.Weather;

/// <summary>One grid cell's ultra-short observation (getUltraSrtNcst) for one hour; null where KMA gave a missing marker (±900).</summary>
public sealed record NowcastRow(
    int GridNx,
    int GridNy,
    DateTimeOffset ObservedAt,
    float? T1h,
    float? Rn1Mm,
    short? Reh,
    short? Pty,
    float? Wsd,
    short? Vec,
    float? Uuu,
    float? Vvv,
    long? RawResponseId);
