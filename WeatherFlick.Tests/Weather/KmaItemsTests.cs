using WeatherFlick.Jobs.Collection.Kma;

namespace WeatherFlick.Tests.Weather;

public sealed class KmaItemsTests
{
    private static DateTimeOffset Kst(int day, int hour) => new(2026, 11, day, hour, 0, 0, TimeSpan.FromHours(9));

    [Theory]
    [InlineData("PCP", "1", 1.5f)]      // under 3 mm/h: half the bound, like "1mm 미만"
    [InlineData("PCP", "2", 3f)]        // 3–15 mm/h: the lower bound, like "30.0~50.0mm"
    [InlineData("PCP", "3", 15f)]       // 15 mm/h or more
    [InlineData("PCP", "강수없음", 0f)]
    [InlineData("PCP", "6.2mm", 6.2f)]  // an amount is still an amount
    [InlineData("PCP", "-999", null)]
    [InlineData("PCP", "9", null)]      // no such band
    [InlineData("SNO", "1", 0.5f)]
    [InlineData("SNO", "2", 1f)]
    [InlineData("SNO", "적설없음", 0f)]
    [InlineData("WSD", "1", 2f)]
    [InlineData("WSD", "2", 4f)]
    [InlineData("WSD", "3", 9f)]
    [InlineData("WSD", "3.4", 3.4f)]
    public void Band_codes_of_the_extra_days_read_like_the_hourly_strings(string category, string text, float? value)
    {
        var read = category switch
        {
            "PCP" => KmaValues.PrecipitationBandMm(text),
            "SNO" => KmaValues.SnowBandCm(text),
            _ => KmaValues.WindBandMs(text),
        };

        read.ShouldBe(value, $"{category} {text}");
    }

    [Theory]
    [InlineData(8, 25, 0, false)]   // 02–14 h issues: hourly up to 24:00 of day +2
    [InlineData(8, 25, 3, true)]
    [InlineData(2, 25, 3, true)]
    [InlineData(17, 25, 21, false)] // 17–23 h issues: hourly up to 24:00 of day +3
    [InlineData(23, 26, 0, false)]
    [InlineData(23, 26, 3, true)]
    public void Extra_days_start_where_the_hourly_forecast_of_the_issue_ends(int issueHour, int day, int hour, bool extended)
    {
        KmaIssueTimes.IsExtendedVillageSlot(Kst(22, issueHour), Kst(day, hour)).ShouldBe(extended,
            $"issue 22 {issueHour:00}:00, forecast {day} {hour:00}:00");
    }

    [Fact]
    public void Forecast_rows_read_band_codes_only_on_the_extra_days()
    {
        IReadOnlyDictionary<string, string?> Item(string date, string time, string category, string value) => new Dictionary<string, string?>
        {
            ["baseDate"] = "20261122", ["baseTime"] = "0800", ["category"] = category, ["fcstDate"] = date,
            ["fcstTime"] = time, ["fcstValue"] = value, ["nx"] = "60", ["ny"] = "127",
        };

        var rows = ForecastItems.ToRows(
        [
            Item("20261124", "1200", "PCP", "2.0mm"), Item("20261124", "1200", "WSD", "2"),
            Item("20261125", "1200", "PCP", "2"), Item("20261125", "1200", "WSD", "2"), Item("20261125", "1200", "SNO", "1"),
        ], rawResponseId: 3);

        var hourly = rows.Single(r => r.ForecastAt == Kst(24, 12));
        hourly.PcpMm.ShouldBe(2f, "an hourly slot carries amounts");
        hourly.Wsd.ShouldBe(2f, "an hourly WSD of 2 is 2 m/s");
        var extra = rows.Single(r => r.ForecastAt == Kst(25, 12));
        extra.PcpMm.ShouldBe(3f, "PCP band 2 on an extra day is 3–15 mm");
        extra.Wsd.ShouldBe(4f, "WSD band 2 on an extra day is 4–9 m/s");
        extra.SnoCm.ShouldBe(0.5f, "SNO band 1 on an extra day is under 1 cm");
    }

    [Fact]
    public void Nowcast_rows_pivot_the_observations_of_one_cell_and_hour()
    {
        IReadOnlyDictionary<string, string?> Item(string category, string value) => new Dictionary<string, string?>
        {
            ["baseDate"] = "20261122", ["baseTime"] = "1000", ["category"] = category, ["nx"] = "60", ["ny"] = "127", ["obsrValue"] = value,
        };

        var rows = NowcastItems.ToRows(
        [
            Item("PTY", "1"), Item("REH", "900"), Item("RN1", "1.5"), Item("T1H", "-8.1"),
            Item("UUU", "-1.2"), Item("VEC", "315"), Item("VVV", "1.2"), Item("WSD", "1.7"),
        ], rawResponseId: 9);

        var row = rows.ShouldHaveSingleItem("eight categories of one cell and hour make one row");
        row.ObservedAt.ShouldBe(Kst(22, 10), "base_date/base_time is the observation hour");
        (row.GridNx, row.GridNy).ShouldBe((60, 127));
        row.T1h.ShouldBe(-8.1f);
        row.Rn1Mm.ShouldBe(1.5f);
        row.Reh.ShouldBeNull("900 marks a missing observation");
        row.Pty.ShouldBe((short)1);
        (row.Uuu, row.Vvv, row.Vec, row.Wsd).ShouldBe((-1.2f, 1.2f, (short)315, 1.7f));
        row.RawResponseId.ShouldBe(9);
    }

    [Theory]
    [InlineData("24", "-1", "0")]
    [InlineData("24.0", "-1.0", "0.0")]
    public void Nowcast_rows_read_whole_values_with_or_without_a_trailing_zero(string t1h, string uuu, string vvv)
    {
        IReadOnlyDictionary<string, string?> Item(string category, string value) => new Dictionary<string, string?>
        {
            ["baseDate"] = "20261122", ["baseTime"] = "1000", ["category"] = category, ["nx"] = "60", ["ny"] = "127", ["obsrValue"] = value,
        };

        var row = NowcastItems.ToRows([Item("T1H", t1h), Item("UUU", uuu), Item("VVV", vvv)], rawResponseId: null).ShouldHaveSingleItem();

        (row.T1h, row.Uuu, row.Vvv).ShouldBe((24f, -1f, 0f), $"T1H \"{t1h}\", UUU \"{uuu}\", VVV \"{vvv}\" are the same numbers either way");
    }

    [Theory]
    [InlineData("24", "-1", "0")]
    [InlineData("24.0", "-1.0", "0.0")]
    public void Forecast_rows_read_whole_values_with_or_without_a_trailing_zero(string tmp, string uuu, string vvv)
    {
        IReadOnlyDictionary<string, string?> Item(string category, string value) => new Dictionary<string, string?>
        {
            ["baseDate"] = "20261122", ["baseTime"] = "0800", ["category"] = category, ["fcstDate"] = "20261122",
            ["fcstTime"] = "1200", ["fcstValue"] = value, ["nx"] = "60", ["ny"] = "127",
        };

        var row = ForecastItems.ToRows([Item("TMP", tmp), Item("UUU", uuu), Item("VVV", vvv)], rawResponseId: null).ShouldHaveSingleItem();

        (row.Tmp, row.Uuu, row.Vvv).ShouldBe((24f, -1f, 0f), $"TMP \"{tmp}\", UUU \"{uuu}\", VVV \"{vvv}\" are the same numbers either way");
    }

    [Fact]
    public void KMA_dates_and_times_are_KST()
    {
        KmaIssueTimes.FromParameters("20261122", "0000").ShouldBe(new DateTimeOffset(2026, 11, 21, 15, 0, 0, TimeSpan.Zero), "00:00 KST is 15:00 UTC the day before");
        KmaIssueTimes.FromParameters("2026112", "0000").ShouldBeNull("a malformed date is no time");
    }
}
