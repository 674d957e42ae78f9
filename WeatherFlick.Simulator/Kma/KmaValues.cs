using System.Globalization;

namespace WeatherFlick.Simulator.Kma;

/// <summary>
/// The value formats of KMA categories: integers for TMP and the ultra-short forecast's T1H, one decimal for the
/// now-cast's T1H and WSD, ".0" on TMN/TMX, one decimal without a trailing ".0" for UUU/VVV, text bands for PCP/SNO.
/// </summary>
internal static class KmaValues
{
    public static string Integer(double value) => ((int)Math.Round(value, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture);

    public static string OneDecimal(double value)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("0.0", CultureInfo.InvariantCulture);
    }

    /// <summary>UUU/VVV: one decimal, but a whole value without ".0" ("-1.3", "-1", "0"), as live answers write them.</summary>
    public static string WindComponent(double value)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("0.#", CultureInfo.InvariantCulture);
    }

    /// <summary>Hourly precipitation (PCP, and RN1 of the ultra-short forecast).</summary>
    public static string Precipitation(double mm) => mm switch
    {
        <= 0 => "강수없음",
        < 1.0 => "1mm 미만",
        < 30.0 => mm.ToString("0.0", CultureInfo.InvariantCulture) + "mm",
        < 50.0 => "30.0~50.0mm",
        _ => "50.0mm 이상",
    };

    /// <summary>Hourly new snow (SNO).</summary>
    public static string Snow(double cm) => cm switch
    {
        <= 0 => "적설없음",
        < 0.5 => "0.5cm 미만",
        < 5.0 => cm.ToString("0.0", CultureInfo.InvariantCulture) + "cm",
        _ => "5.0cm 이상",
    };

    /// <summary>PCP on the 3-hourly extra days since 2024-11-28: 1 &lt; 3 mm/h, 2 = 3–15, 3 ≥ 15.</summary>
    public static string PrecipitationCode(double mm) => mm <= 0 ? "강수없음" : mm < 3 ? "1" : mm < 15 ? "2" : "3";

    /// <summary>SNO on the extra days: 1 &lt; 1 cm/h, 2 ≥ 1.</summary>
    public static string SnowCode(double cm) => cm <= 0 ? "적설없음" : cm < 1 ? "1" : "2";

    /// <summary>WSD on the extra days: 1 &lt; 4 m/s, 2 = 4–9, 3 ≥ 9.</summary>
    public static string WindCode(double speed) => speed < 4 ? "1" : speed < 9 ? "2" : "3";

    /// <summary>Observed rain (ncst RN1): a plain number of millimetres.</summary>
    public static string ObservedRain(double mm) => mm <= 0 ? "0" : Math.Round(mm, 1).ToString("0.0", CultureInfo.InvariantCulture);

    public static string Wave(double metres) => metres.ToString("0.#", CultureInfo.InvariantCulture);

    public static double EastWind(double speed, int direction) => -speed * Math.Sin(direction * Math.PI / 180);

    public static double NorthWind(double speed, int direction) => -speed * Math.Cos(direction * Math.PI / 180);

    /// <summary>Ultra-short precipitation types add 5 빗방울, 6 빗방울눈날림, 7 눈날림 for traces, and have no shower (4).</summary>
    public static int UltraPrecipitationType(int type, double mm) => type switch
    {
        0 => 0,
        4 => 1,
        _ when mm < 0.5 => type + 4,
        _ => type,
    };
}
