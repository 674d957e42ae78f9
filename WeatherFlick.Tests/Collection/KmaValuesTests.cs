using WeatherFlick.Jobs.Collection.Kma;

namespace WeatherFlick.Tests.Collection;

public sealed class KmaValuesTests
{
    [Theory]
    [InlineData("강수없음", 0f)]
    [InlineData("1mm 미만", 0.5f)]
    [InlineData("6.2mm", 6.2f)]
    [InlineData("30.0~50.0mm", 30f)]
    [InlineData("50.0mm 이상", 50f)]
    [InlineData("0", 0f)]
    [InlineData("1.5", 1.5f)]
    public void Precipitation_strings_become_millimetres(string text, float mm)
    {
        KmaValues.PrecipitationMm(text).ShouldBe(mm);
    }

    [Theory]
    [InlineData("적설없음", 0f)]
    [InlineData("0.5cm 미만", 0.25f)]
    [InlineData("2.3cm", 2.3f)]
    [InlineData("5.0cm 이상", 5f)]
    public void Snow_strings_become_centimetres(string text, float cm)
    {
        KmaValues.SnowCm(text).ShouldBe(cm);
    }

    [Theory]
    [InlineData("24", 24f)]      // the ultra-short forecast's T1H, in whole degrees
    [InlineData("24.0", 24f)]
    [InlineData("-8.1", -8.1f)]  // the now-cast's T1H, one decimal
    [InlineData("-1", -1f)]      // UUU/VVV: a whole value without ".0"
    [InlineData("-1.0", -1f)]
    [InlineData("0", 0f)]
    [InlineData("-1.3", -1.3f)]
    public void Whole_values_read_the_same_with_or_without_a_trailing_zero(string text, float value)
    {
        KmaValues.Number(text).ShouldBe(value, $"\"{text}\" is {value}");
    }

    [Theory]
    [InlineData("900")]
    [InlineData("-999")]
    [InlineData("")]
    [InlineData("n/a")]
    public void Missing_markers_and_garbage_are_null(string text)
    {
        KmaValues.Number(text).ShouldBeNull();
    }

    [Fact]
    public void Forecast_rows_pivot_categories_per_hour_with_TMN_and_TMX_where_given()
    {
        IReadOnlyDictionary<string, string?> Item(string category, string time, string value) => new Dictionary<string, string?>
        {
            ["baseDate"] = "20261122", ["baseTime"] = "0200", ["category"] = category, ["fcstDate"] = "20261122",
            ["fcstTime"] = time, ["fcstValue"] = value, ["nx"] = "60", ["ny"] = "127",
        };

        var rows = ForecastItems.ToRows([Item("TMP", "0600", "3"), Item("TMN", "0600", "-1.0"), Item("PCP", "0600", "1mm 미만"), Item("TMP", "0700", "4"), Item("REH", "0700", "900")], rawResponseId: 7);

        rows.Count.ShouldBe(2);
        var six = rows.Single(r => r.ForecastAt == new DateTimeOffset(2026, 11, 21, 21, 0, 0, TimeSpan.Zero));
        six.Tmp.ShouldBe(3f);
        six.Tmn.ShouldBe(-1f);
        six.PcpMm.ShouldBe(0.5f);
        six.BaseAt.ShouldBe(new DateTimeOffset(2026, 11, 21, 17, 0, 0, TimeSpan.Zero), "02:00 KST is 17:00 UTC the day before");
        six.RawResponseId.ShouldBe(7);
        rows.Single(r => r.Tmp == 4f).Reh.ShouldBeNull("900 marks a missing value");
    }
}
