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
