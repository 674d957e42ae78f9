using System.Globalization;

namespace WeatherFlick.Jobs.Collection.Kma;

/// <summary>
/// KMA's value strings as numbers. Precipitation and snow come as words and ranges ("강수없음", "1mm 미만",
/// "30.0~50.0mm", "50.0mm 이상"); ranges become their lower bound, "less than" becomes half its bound, and ±900
/// or beyond means missing (sea cells, station outages).
/// </summary>
public static class KmaValues
{
    public static float? Number(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)
            || !float.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }
        return number is >= 900 or <= -900 ? null : number;
    }

    public static short? Whole(string? value) => Number(value) is { } number ? (short)Math.Round(number) : null;

    /// <summary>PCP or RN1 in millimetres per hour.</summary>
    public static float? PrecipitationMm(string? value) => Amount(value, "mm", nothing: "강수없음");

    /// <summary>SNO in centimetres per hour.</summary>
    public static float? SnowCm(string? value) => Amount(value, "cm", nothing: "적설없음");

    /// <summary>
    /// PCP on the 3-hourly extra days: a band code (1: under 3 mm/h, 2: 3–15, 3: 15 or more) read the way the hourly
    /// strings are (a "less than" band is half its bound, the others their lower bound); words and amounts as usual.
    /// </summary>
    public static float? PrecipitationBandMm(string? value) => BandCode(value) is { } code ? Band(code, 1.5f, 3f, 15f) : PrecipitationMm(value);

    /// <summary>SNO on the extra days: band 1 (under 1 cm/h) or 2 (1 or more), read like <see cref="PrecipitationBandMm"/>.</summary>
    public static float? SnowBandCm(string? value) => BandCode(value) is { } code ? Band(code, 0.5f, 1f) : SnowCm(value);

    /// <summary>WSD on the extra days: band 1 (under 4 m/s), 2 (4–9) or 3 (9 or more), read like <see cref="PrecipitationBandMm"/>.</summary>
    public static float? WindBandMs(string? value) => BandCode(value) is { } code ? Band(code, 2f, 4f, 9f) : Number(value);

    // A bare integer is a band code; amounts carry a unit or a decimal point.
    private static int? BandCode(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : null;

    private static float? Band(int code, params float[] bands) => code >= 1 && code <= bands.Length ? bands[code - 1] : null;

    private static float? Amount(string? value, string unit, string nothing)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var text = value.Trim();
        if (text == nothing || text == "-")
        {
            return 0;
        }
        if (text.EndsWith("미만", StringComparison.Ordinal))
        {
            return Number(text[..^2].Trim().Replace(unit, "", StringComparison.Ordinal)) is { } bound ? bound / 2 : null;
        }
        if (text.EndsWith("이상", StringComparison.Ordinal))
        {
            return Number(text[..^2].Trim().Replace(unit, "", StringComparison.Ordinal));
        }
        var range = text.Replace(unit, "", StringComparison.Ordinal).Split('~');
        return Number(range[0]);
    }
}
