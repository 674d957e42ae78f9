using WeatherFlick.Simulator.Clock;
using WeatherFlick.Simulator.Geography;

namespace WeatherFlick.Simulator.Kma;

/// <summary>
/// The rows of the three products for one cell and issue, in the services' order: the now-cast alphabetical, the
/// ultra-short forecast category-major, the short-term forecast time-major with TMN at 06:00 and TMX at 15:00.
/// </summary>
internal sealed class KmaProducts(WeatherModel model, KmaOptions options)
{
    private static readonly string[] NowcastCategories = ["PTY", "REH", "RN1", "T1H", "UUU", "VEC", "VVV", "WSD"];

    public List<KmaRow> Nowcast(int nx, int ny, DateTimeOffset issue)
    {
        var state = model.Forecast(nx, ny, issue, issue);
        var land = LandMask.IsLand(nx, ny);
        var rows = new List<KmaRow>(NowcastCategories.Length);
        foreach (var category in NowcastCategories)
        {
            var value = category switch
            {
                "PTY" => KmaValues.UltraPrecipitationType(state.PrecipitationType, state.RainMm + state.SnowCm).ToString(System.Globalization.CultureInfo.InvariantCulture),
                "REH" => land ? KmaValues.Integer(state.Humidity) : options.MissingValue,
                "RN1" => land ? KmaValues.ObservedRain(state.RainMm + state.SnowCm) : options.MissingValue,
                "T1H" => land ? KmaValues.OneDecimal(state.Temperature) : options.MissingValue,
                _ => Wind(category, state),
            };
            rows.Add(new KmaRow(category, null, value));
        }
        return rows;
    }

    public List<KmaRow> UltraShort(int nx, int ny, DateTimeOffset issue)
    {
        string[] categories = options.UltraFcstIncludesPop
            ? ["LGT", "PTY", "POP", "RN1", "SKY", "T1H", "REH", "UUU", "VVV", "VEC", "WSD"]
            : ["LGT", "PTY", "RN1", "SKY", "T1H", "REH", "UUU", "VVV", "VEC", "WSD"];
        var land = LandMask.IsLand(nx, ny);
        var firstHour = issue.AddMinutes(30);
        var states = Enumerable.Range(0, 6).Select(hour => (Time: firstHour.AddHours(hour), State: model.Forecast(nx, ny, issue, firstHour.AddHours(hour)))).ToList();
        var rows = new List<KmaRow>(categories.Length * states.Count);
        foreach (var category in categories)
        {
            foreach (var (time, state) in states)
            {
                var value = category switch
                {
                    "LGT" => "0",
                    "PTY" => KmaValues.UltraPrecipitationType(state.PrecipitationType, state.RainMm + state.SnowCm).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "POP" => land ? KmaValues.Integer(state.Probability) : options.MissingValue,
                    "RN1" => land ? KmaValues.Precipitation(state.RainMm + state.SnowCm) : options.MissingValue,
                    "SKY" => KmaValues.Integer(state.Sky),
                    // Unlike the now-cast's observed T1H ("-8.1"), the forecast's is in whole degrees ("24").
                    "T1H" => land ? KmaValues.Integer(state.Temperature) : options.MissingValue,
                    "REH" => land ? KmaValues.Integer(state.Humidity) : options.MissingValue,
                    _ => Wind(category, state),
                };
                rows.Add(new KmaRow(category, time, value));
            }
        }
        return rows;
    }

    public List<KmaRow> ShortTerm(int nx, int ny, DateTimeOffset issue)
    {
        var land = LandMask.IsLand(nx, ny);
        var rows = new List<KmaRow>(1_200);
        foreach (var (time, extended) in ShortTermSlots(issue))
        {
            var state = model.Forecast(nx, ny, issue, time);
            void Add(string category, string value) => rows.Add(new KmaRow(category, time, value));
            string Masked(string value) => land ? value : options.MissingValue;
            Add("TMP", Masked(KmaValues.Integer(state.Temperature)));
            Add("UUU", Wind("UUU", state));
            Add("VVV", Wind("VVV", state));
            Add("VEC", Wind("VEC", state));
            Add("WSD", extended ? KmaValues.WindCode(state.WindSpeed) : Wind("WSD", state));
            Add("SKY", KmaValues.Integer(state.Sky));
            Add("PTY", KmaValues.Integer(state.PrecipitationType));
            Add("POP", Masked(KmaValues.Integer(state.Probability)));
            if (options.IncludeWav)
            {
                Add("WAV", KmaValues.Wave(state.WaveHeight));
            }
            Add("PCP", Masked(extended ? KmaValues.PrecipitationCode(state.RainMm) : KmaValues.Precipitation(state.RainMm)));
            Add("REH", Masked(KmaValues.Integer(state.Humidity)));
            Add("SNO", Masked(extended ? KmaValues.SnowCode(state.SnowCm) : KmaValues.Snow(state.SnowCm)));
            var local = time.ToOffset(Kst.Offset);
            var day = DateOnly.FromDateTime(local.DateTime);
            // Today's minimum only in the 02:00 issue, today's maximum up to the 11:00 issue; later days in every issue.
            if (local.Hour == 6 && issue <= Kst.At(day, 2, 0))
            {
                Add("TMN", Masked(KmaValues.OneDecimal(Math.Round(state.DailyMin))));
            }
            if (local.Hour == 15 && issue <= Kst.At(day, 11, 0))
            {
                Add("TMX", Masked(KmaValues.OneDecimal(Math.Round(state.DailyMax))));
            }
        }
        return rows;
    }

    /// <summary>
    /// Forecast times of a short-term issue: hourly from the next hour to 24:00 of day +2 (issues 02–14 h) or +3
    /// (17–23 h); for issues since the 2024-11-28 extension, then 3-hourly to day +4 or +5.
    /// </summary>
    public IEnumerable<(DateTimeOffset Time, bool Extended)> ShortTermSlots(DateTimeOffset issue)
    {
        var local = issue.ToOffset(Kst.Offset);
        var issueDay = DateOnly.FromDateTime(local.DateTime);
        var late = local.Hour >= 17;
        var hourlyEnd = Kst.At(issueDay.AddDays(late ? 4 : 3), 0, 0);
        for (var time = issue.AddHours(1); time <= hourlyEnd; time = time.AddHours(1))
        {
            yield return (time, false);
        }
        if (issue < options.ExtendedHorizonFrom)
        {
            yield break;
        }
        var lastSlot = Kst.At(issueDay.AddDays(late ? 5 : 4), 21, 0);
        for (var time = hourlyEnd.AddHours(3); time <= lastSlot; time = time.AddHours(3))
        {
            yield return (time, true);
        }
    }

    private static string Wind(string category, WeatherState state) => category switch
    {
        "UUU" => KmaValues.WindComponent(KmaValues.EastWind(state.WindSpeed, state.WindDirection)),
        "VVV" => KmaValues.WindComponent(KmaValues.NorthWind(state.WindSpeed, state.WindDirection)),
        "VEC" => KmaValues.Integer(state.WindDirection),
        _ => KmaValues.OneDecimal(state.WindSpeed),
    };
}
