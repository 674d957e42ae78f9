using System.ComponentModel.DataAnnotations;

namespace WeatherFlick.Simulator.Kma;

/// <summary>KMA publication rules and the behaviours known only from reports ([R]).</summary>
public sealed class KmaOptions
{
    /// <summary>Minutes after HH:00 when the now-cast (getUltraSrtNcst) of HH00 is published (older guides said 40).</summary>
    [Range(0, 59)]
    public int NcstPublishDelayMinutes { get; set; } = 10;

    /// <summary>Minute of the hour when the HH30 ultra-short forecast is published.</summary>
    [Range(30, 59)]
    public int UltraFcstPublishMinute { get; set; } = 45;

    /// <summary>Minutes after each short-term issue time (0200, 0500 … 2300) when it is published.</summary>
    [Range(0, 59)]
    public int VilagePublishDelayMinutes { get; set; } = 10;

    /// <summary>getVilageFcst serves issues this many days old ("최근 3일 간의 자료만 제공합니다.").</summary>
    [Range(1, 30)]
    public int VilageHistoryDays { get; set; } = 3;

    /// <summary>getUltraSrtNcst / getUltraSrtFcst serve issues this many hours old ("최근 1일 간의 자료만 제공합니다.").</summary>
    [Range(1, 720)]
    public int UltraHistoryHours { get; set; } = 24;

    /// <summary>resultCode of the history-window errors: 10 as documented, 99 as once reported.</summary>
    [RegularExpression("^(10|99)$")]
    public string HistoryErrorCode { get; set; } = "10";

    /// <summary>getUltraSrtFcst also carries POP (66 rows instead of 60; one 2026 fixture).</summary>
    public bool UltraFcstIncludesPop { get; set; }

    /// <summary>getVilageFcst carries WAV rows (wave height; "0" inland), as since 2022.</summary>
    public bool IncludeWav { get; set; } = true;

    /// <summary>Issues from this instant run to +4/+5 days with 3-hourly extra days (KMA change of 2024-11-28 14:00 KST).</summary>
    public DateTimeOffset ExtendedHorizonFrom { get; set; } = new(2024, 11, 28, 14, 0, 0, TimeSpan.FromHours(9));

    /// <summary>Value written for masked or missing quantities (over sea); anything ≥ 900 or ≤ −900 means missing.</summary>
    [RegularExpression("^-?9[0-9]{2}(\\.[0-9])?$")]
    public string MissingValue { get; set; } = "-999";
}
