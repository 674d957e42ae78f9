using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using WeatherFlick.Simulator.Hosting;

namespace WeatherFlick.Tests.Simulator;

/// <summary>VilageFcstInfoService_2.0: envelopes, types, row order, issue times, publication, history windows and values.</summary>
public sealed partial class KmaForecastTests(SimulatorFixture fixture) : SimulatorTests<SimulatorFixture>(fixture)
{
    private static readonly string[] HourCategories = ["TMP", "UUU", "VVV", "VEC", "WSD", "SKY", "PTY", "POP", "WAV", "PCP", "REH", "SNO"];

    [Fact]
    public async Task Short_term_forecast_json_has_numeric_grid_and_paging_string_values_and_time_major_rows()
    {
        var response = await Api.KmaAsync("getVilageFcst", "dataType=JSON&numOfRows=2000&pageNo=1&base_date=20250701&base_time=0500&nx=60&ny=127");

        response.ResultCode.ShouldBe("00");
        response.Json.GetProperty("response").GetProperty("header").GetProperty("resultMsg").GetString().ShouldBe("NORMAL_SERVICE");
        SimResponse.Names(response.JsonBody).ShouldBe(["dataType", "items", "pageNo", "numOfRows", "totalCount"], "KMA's body order differs from KTO's");
        response.JsonBody.GetProperty("dataType").GetString().ShouldBe("JSON");
        var items = response.Items;
        items.Length.ShouldBe(response.JsonBody.GetProperty("totalCount").GetInt32());
        SimResponse.Names(items[0]).ShouldBe(["baseDate", "baseTime", "category", "fcstDate", "fcstTime", "fcstValue", "nx", "ny"]);
        items.ShouldAllBe(item => item.GetProperty("nx").ValueKind == JsonValueKind.Number && item.GetProperty("ny").ValueKind == JsonValueKind.Number, "nx and ny are numbers");
        items.ShouldAllBe(item => item.GetProperty("fcstValue").ValueKind == JsonValueKind.String, "values are strings");
        items.Take(12).Select(item => item.GetProperty("category").GetString()).ShouldBe(HourCategories, "each hour's categories come together in this order");
        items[0].GetProperty("fcstTime").GetString().ShouldBe("0600", "the 0500 issue starts at the next hour");
        var times = items.Select(item => item.GetProperty("fcstDate").GetString() + item.GetProperty("fcstTime").GetString()).ToList();
        times.ShouldBe(times.Order(StringComparer.Ordinal).ToList(), "rows are time-major");
    }

    [Fact]
    public async Task Daily_minimum_and_maximum_sit_at_0600_and_1500_in_the_issues_that_carry_them()
    {
        var at0500 = (await Api.KmaAsync("getVilageFcst", "dataType=JSON&numOfRows=2000&base_date=20250701&base_time=0500&nx=60&ny=127")).Items;
        var at0200 = (await Api.KmaAsync("getVilageFcst", "dataType=JSON&numOfRows=2000&base_date=20250701&base_time=0200&nx=60&ny=127")).Items;
        var at1400 = (await Api.KmaAsync("getVilageFcst", "dataType=JSON&numOfRows=2000&base_date=20250630&base_time=1400&nx=60&ny=127")).Items;

        var tmn = at0500.Where(item => item.GetProperty("category").GetString() == "TMN").ToList();
        var tmx = at0500.Where(item => item.GetProperty("category").GetString() == "TMX").ToList();
        tmn.ShouldAllBe(item => item.GetProperty("fcstTime").GetString() == "0600");
        tmx.ShouldAllBe(item => item.GetProperty("fcstTime").GetString() == "1500");
        tmn.ShouldNotContain(item => item.GetProperty("fcstDate").GetString() == "20250701", "today's minimum is only in the 0200 issue");
        tmx.ShouldContain(item => item.GetProperty("fcstDate").GetString() == "20250701", "today's maximum is in issues up to 1100");
        tmn.Concat(tmx).ShouldAllBe(item => TemperatureWithPoint().IsMatch(item.GetProperty("fcstValue").GetString()!), "TMN/TMX carry \".0\"");
        at0200.ShouldContain(item => item.GetProperty("category").GetString() == "TMN" && item.GetProperty("fcstDate").GetString() == "20250701");
        at1400.ShouldNotContain(item => item.GetProperty("category").GetString() == "TMX" && item.GetProperty("fcstDate").GetString() == "20250630", "the 1400 issue starts at tomorrow");
    }

    [Fact]
    public async Task Issues_since_the_2024_extension_run_to_day_four_with_three_hourly_qualitative_rows()
    {
        var items = (await Api.KmaAsync("getVilageFcst", "dataType=JSON&numOfRows=2000&base_date=20250701&base_time=0500&nx=60&ny=127")).Items;

        items.Length.ShouldBe(993, "67 hourly slots × 12 + 15 three-hourly slots × 12 + 9 TMN/TMX rows");
        items.Last().GetProperty("fcstDate").GetString().ShouldBe("20250705", "a 0500 issue reaches day +4");
        var extended = items.Where(item => string.CompareOrdinal(item.GetProperty("fcstDate").GetString(), "20250704") >= 0 && item.GetProperty("fcstTime").GetString() != "0000").ToList();
        extended.Select(item => int.Parse(item.GetProperty("fcstTime").GetString()!, CultureInfo.InvariantCulture) / 100).ShouldAllBe(hour => hour % 3 == 0, "extra days are 3-hourly");
        extended.Where(item => item.GetProperty("category").GetString() == "WSD").ShouldAllBe(item => new[] { "1", "2", "3" }.Contains(item.GetProperty("fcstValue").GetString()), "WSD becomes a code");
        extended.Where(item => item.GetProperty("category").GetString() == "PCP").ShouldAllBe(item => new[] { "강수없음", "1", "2", "3" }.Contains(item.GetProperty("fcstValue").GetString()));
    }

    [Fact]
    public async Task Issues_of_2021_have_742_rows_without_wave_height_and_809_with_it()
    {
        await using var noWave = await SimulatorFixture.StartServerAsync(options =>
        {
            options.StartTime = new DateTimeOffset(2021, 9, 20, 6, 0, 0, TimeSpan.FromHours(9));
            options.Kma.IncludeWav = false;
        });
        using var api = new SimApi(noWave);
        await Api.SetClockAsync(new DateTimeOffset(2021, 9, 20, 6, 0, 0, TimeSpan.FromHours(9)));
        const string Query = "dataType=JSON&numOfRows=10&base_date=20210920&base_time=0500&nx=55&ny=127";

        var without = await api.KmaAsync("getVilageFcst", Query);
        var with = await Api.KmaAsync("getVilageFcst", Query);

        without.JsonBody.GetProperty("totalCount").GetInt32().ShouldBe(742, "the guide's 2021 sample");
        with.JsonBody.GetProperty("totalCount").GetInt32().ShouldBe(809, "the 2022 count with WAV");
        without.Items.Length.ShouldBe(10, "numOfRows pages the rows");
    }

    [Fact]
    public async Task Ultra_short_forecast_has_60_rows_in_category_major_order()
    {
        var response = await Api.KmaAsync("getUltraSrtFcst", "dataType=JSON&numOfRows=100&base_date=20250701&base_time=0830&nx=60&ny=127");

        var items = response.Items;
        items.Length.ShouldBe(60);
        items.Select(item => item.GetProperty("category").GetString()).Distinct()
            .ShouldBe(["LGT", "PTY", "RN1", "SKY", "T1H", "REH", "UUU", "VVV", "VEC", "WSD"], "category-major: each category's six hours together");
        items.Take(6).Select(item => item.GetProperty("fcstTime").GetString()).ShouldBe(["0900", "1000", "1100", "1200", "1300", "1400"]);
    }

    [Fact]
    public async Task Ultra_short_forecast_T1H_is_in_whole_degrees()
    {
        var values = await ValuesAsync("getUltraSrtFcst", "T1H");

        values.Count.ShouldBe(Cells.Length * 9 * 6, "nine issues of six hours per cell");
        values.ShouldAllBe(value => WholeNumber().IsMatch(value), "the ultra-short forecast writes T1H in whole degrees (\"24\"), not \"24.0\" or \"24.3\"");
    }

    [Fact]
    public async Task Nowcast_T1H_has_one_decimal()
    {
        var values = await ValuesAsync("getUltraSrtNcst", "T1H");

        values.Count.ShouldBe(Cells.Length * 9, "nine observations per cell");
        values.ShouldAllBe(value => OneDecimal().IsMatch(value), "the now-cast writes the observed T1H with one decimal (\"-8.1\", \"24.0\")");
    }

    [Theory]
    [InlineData("getUltraSrtNcst")]
    [InlineData("getUltraSrtFcst")]
    [InlineData("getVilageFcst")]
    public async Task Whole_wind_components_are_written_without_a_trailing_zero(string operation)
    {
        var values = (await ValuesAsync(operation, "UUU")).Concat(await ValuesAsync(operation, "VVV")).ToList();

        values.ShouldAllBe(value => WindComponent().IsMatch(value), $"{operation}: UUU/VVV have one decimal, none on a whole value (\"-1.3\", \"-1\", \"0\")");
        values.ShouldContain(value => !value.Contains('.'), $"{operation}: some whole values must occur, or the trailing-zero rule is not exercised");
        values.ShouldContain(value => value.Contains('.'), $"{operation}: the other values keep their decimal");
    }

    [Fact]
    public async Task Nowcast_has_eight_alphabetical_rows_with_obsrValue_and_no_forecast_time()
    {
        var response = await Api.KmaAsync("getUltraSrtNcst", "dataType=JSON&numOfRows=10&base_date=20250701&base_time=0800&nx=60&ny=127");

        var items = response.Items;
        items.Select(item => item.GetProperty("category").GetString()).ShouldBe(["PTY", "REH", "RN1", "T1H", "UUU", "VEC", "VVV", "WSD"]);
        SimResponse.Names(items[0]).ShouldBe(["baseDate", "baseTime", "category", "nx", "ny", "obsrValue"]);
        items.Single(item => item.GetProperty("category").GetString() == "RN1").GetProperty("obsrValue").GetString().ShouldNotBeNull().ShouldMatch(@"^\d+(\.\d)?$", "observed rain is a plain number");
    }

    [Theory]
    [InlineData("getUltraSrtNcst", "0900", "2025-07-01T09:10:00+09:00")]
    [InlineData("getUltraSrtFcst", "0830", "2025-07-01T08:45:00+09:00")]
    [InlineData("getVilageFcst", "0800", "2025-07-01T08:10:00+09:00")]
    public async Task An_issue_is_NO_DATA_until_its_publication_minute(string operation, string baseTime, string published)
    {
        var publishedAt = DateTimeOffset.Parse(published, CultureInfo.InvariantCulture);
        var query = $"dataType=JSON&numOfRows=10&base_date=20250701&base_time={baseTime}&nx=60&ny=127";

        await Api.SetClockAsync(publishedAt.AddSeconds(-1));
        var early = await Api.KmaAsync(operation, query);
        await Api.SetClockAsync(publishedAt);
        var onTime = await Api.KmaAsync(operation, query);

        early.Body.ShouldBe("{\"response\":{\"header\":{\"resultCode\":\"03\",\"resultMsg\":\"NO_DATA\"}}}", "header only, no body");
        onTime.ResultCode.ShouldBe("00", $"{operation} {baseTime} is published at {published}");
    }

    [Theory]
    [InlineData("getVilageFcst", "0600")]
    [InlineData("getUltraSrtNcst", "0830")]
    [InlineData("getUltraSrtFcst", "0800")]
    public async Task A_base_time_that_is_not_an_issue_time_is_NO_DATA(string operation, string baseTime)
    {
        var response = await Api.KmaAsync(operation, $"dataType=JSON&base_date=20250701&base_time={baseTime}&nx=60&ny=127");

        response.ResultCode.ShouldBe("03");
    }

    [Fact]
    public async Task Missing_parameter_or_a_cell_outside_the_grid_is_NO_DATA()
    {
        (await Api.KmaAsync("getVilageFcst", "dataType=JSON&base_date=20250701&base_time=0500&nx=60")).ResultCode.ShouldBe("03");
        (await Api.KmaAsync("getVilageFcst", "dataType=JSON&base_date=20250701&base_time=0500&nx=150&ny=127")).ResultCode.ShouldBe("03");
    }

    [Fact]
    public async Task Short_term_issues_older_than_three_days_get_code_10_with_the_services_message()
    {
        var old = await Api.KmaAsync("getVilageFcst", "dataType=JSON&base_date=20250628&base_time=0500&nx=60&ny=127");
        var recent = await Api.KmaAsync("getVilageFcst", "dataType=JSON&base_date=20250628&base_time=1100&nx=60&ny=127");

        old.Body.ShouldBe("{\"response\":{\"header\":{\"resultCode\":\"10\",\"resultMsg\":\"최근 3일 간의 자료만 제공합니다.\"}}}");
        recent.ResultCode.ShouldBe("00", "an issue just under three days old is still served");
    }

    [Fact]
    public async Task Nowcast_and_ultra_short_issues_older_than_a_day_get_the_one_day_message()
    {
        var ncst = await Api.KmaAsync("getUltraSrtNcst", "dataType=JSON&base_date=20250630&base_time=0800&nx=60&ny=127");
        var fcst = await Api.KmaAsync("getUltraSrtFcst", "dataType=JSON&base_date=20250630&base_time=0830&nx=60&ny=127");

        ncst.Json.GetProperty("response").GetProperty("header").GetProperty("resultMsg").GetString().ShouldBe("최근 1일 간의 자료만 제공합니다.");
        ncst.ResultCode.ShouldBe("10");
        fcst.ResultCode.ShouldBe("10");
    }

    [Fact]
    public async Task Xml_is_the_default_with_dataType_first_in_the_body()
    {
        var response = await Api.KmaAsync("getUltraSrtNcst", "base_date=20250701&base_time=0800&nx=60&ny=127");

        response.ContentType.ShouldNotBeNull().ShouldStartWith("text/xml");
        var body = response.Xml.Root!.Element("body")!;
        body.Elements().Select(element => element.Name.LocalName).ShouldBe(["dataType", "items", "pageNo", "numOfRows", "totalCount"]);
        body.Element("dataType")!.Value.ShouldBe("XML");
        response.Xml.Root!.Element("header")!.Element("resultCode")!.Value.ShouldBe("00");
    }

    [Fact]
    public async Task Sea_cells_mask_temperature_rain_and_humidity_as_missing_but_report_waves()
    {
        var sea = (await Api.KmaAsync("getVilageFcst", "dataType=JSON&numOfRows=100&base_date=20250701&base_time=0500&nx=20&ny=120")).Items;
        var land = (await Api.KmaAsync("getVilageFcst", "dataType=JSON&numOfRows=100&base_date=20250701&base_time=0500&nx=60&ny=127")).Items;

        string Value(JsonElement[] items, string category) => items.First(item => item.GetProperty("category").GetString() == category).GetProperty("fcstValue").GetString()!;
        foreach (var category in new[] { "TMP", "POP", "PCP", "REH", "SNO" })
        {
            double.Parse(Value(sea, category), CultureInfo.InvariantCulture).ShouldBeLessThanOrEqualTo(-900, $"{category} over sea is a missing value");
            Value(land, category).ShouldNotBe("-999", $"{category} on land is a real value");
        }
        double.Parse(Value(sea, "WAV"), CultureInfo.InvariantCulture).ShouldBeGreaterThan(0, "waves are reported over sea");
        Value(land, "WAV").ShouldBe("0", "WAV is \"0\" inland");
    }

    [Fact]
    public async Task Values_use_the_documented_formats_in_every_season()
    {
        foreach (var month in new[] { 1, 4, 7, 10 })
        {
            await Api.SetClockAsync(new DateTimeOffset(2025, month, 15, 12, 0, 0, TimeSpan.FromHours(9)));
            foreach (var (nx, ny) in new[] { (60, 127), (73, 134), (98, 76), (52, 38) })
            {
                var items = (await Api.KmaAsync("getVilageFcst", $"dataType=JSON&numOfRows=2000&base_date=2025{month:D2}15&base_time=1100&nx={nx}&ny={ny}")).Items;
                foreach (var item in items.Where(item => item.GetProperty("fcstDate").GetString()!.CompareTo($"2025{month:D2}18") < 0))
                {
                    var category = item.GetProperty("category").GetString()!;
                    var value = item.GetProperty("fcstValue").GetString()!;
                    var pattern = category switch
                    {
                        "TMP" or "REH" or "VEC" or "POP" => @"^-?\d+$",
                        "TMN" or "TMX" => @"^-?\d+\.0$",
                        "UUU" or "VVV" => WindComponent().ToString(),
                        "WSD" => @"^-?\d+\.\d$",
                        "SKY" => "^[134]$",
                        "PTY" => "^[0-4]$",
                        "PCP" => @"^(강수없음|1mm 미만|\d+\.\dmm|30\.0~50\.0mm|50\.0mm 이상)$",
                        "SNO" => @"^(적설없음|0\.5cm 미만|\d\.\dcm|5\.0cm 이상)$",
                        "WAV" => @"^\d+(\.5)?$",
                        _ => throw new InvalidOperationException($"unexpected category {category}"),
                    };
                    value.ShouldMatch(pattern, $"{category} at ({nx},{ny}) in month {month}");
                }
            }
        }
    }

    [Fact]
    public async Task Temperatures_follow_the_seasons_and_latitude()
    {
        async Task<double> MeanAsync(int month, int nx, int ny)
        {
            await Api.SetClockAsync(new DateTimeOffset(2025, month, 15, 6, 0, 0, TimeSpan.FromHours(9)));
            var items = (await Api.KmaAsync("getVilageFcst", $"dataType=JSON&numOfRows=2000&base_date=2025{month:D2}15&base_time=0500&nx={nx}&ny={ny}")).Items;
            return items.Where(item => item.GetProperty("category").GetString() == "TMP").Average(item => double.Parse(item.GetProperty("fcstValue").GetString()!, CultureInfo.InvariantCulture));
        }

        var seoulJanuary = await MeanAsync(1, 60, 127);
        var seoulAugust = await MeanAsync(8, 60, 127);
        var jejuJanuary = await MeanAsync(1, 52, 38);

        seoulJanuary.ShouldBeInRange(-12, 6, "Seoul in January is around freezing");
        seoulAugust.ShouldBeInRange(20, 33, "Seoul in August is hot");
        jejuJanuary.ShouldBeGreaterThan(seoulJanuary, "Jeju is milder than Seoul in winter");
    }

    [Fact]
    public async Task Forecast_version_gives_the_publication_time_of_an_issue()
    {
        var published = await Api.KmaAsync("getFcstVersion", "dataType=JSON&ftype=SHRT&basedatetime=202507010500");
        var future = await Api.KmaAsync("getFcstVersion", "dataType=JSON&ftype=ODAM&basedatetime=202507011000");

        SimResponse.Names(published.Items.Single()).ShouldBe(["filetype", "version"]);
        published.Items[0].GetProperty("version").GetString().ShouldBe("20250701051000");
        future.ResultCode.ShouldBe("03", "an issue not yet published has no version");
    }

    [Fact]
    public async Task A_page_past_the_last_row_is_NO_DATA()
    {
        var response = await Api.KmaAsync("getUltraSrtNcst", "dataType=JSON&numOfRows=10&pageNo=2&base_date=20250701&base_time=0800&nx=60&ny=127");

        response.ResultCode.ShouldBe("03");
    }

    /// <summary>Grid cells for the format tests: Seoul, Busan, the Taebaek ridge and Jeju.</summary>
    private static readonly (int Nx, int Ny)[] Cells = [(60, 127), (98, 76), (73, 134), (52, 38)];

    /// <summary>
    /// The values of <paramref name="category"/> over <see cref="Cells"/> in the issues of 2025-07-01 up to the fixture's
    /// 09:00: nine hourly now-casts (00–08 h) and ultra-short forecasts (00:30–08:30), three short-term issues (02, 05, 08 h).
    /// </summary>
    private async Task<List<string>> ValuesAsync(string operation, string category)
    {
        var baseTimes = operation switch
        {
            "getUltraSrtNcst" => Enumerable.Range(0, 9).Select(hour => $"{hour:D2}00"),
            "getUltraSrtFcst" => Enumerable.Range(0, 9).Select(hour => $"{hour:D2}30"),
            _ => ["0200", "0500", "0800"],
        };
        var field = operation == "getUltraSrtNcst" ? "obsrValue" : "fcstValue";
        var values = new List<string>();
        foreach (var baseTime in baseTimes)
        {
            foreach (var (nx, ny) in Cells)
            {
                var response = await Api.KmaAsync(operation, $"dataType=JSON&numOfRows=2000&base_date=20250701&base_time={baseTime}&nx={nx}&ny={ny}");
                response.ResultCode.ShouldBe("00", $"{operation} {baseTime} ({nx},{ny}) must be published at the fixture's 09:00: {response.Body}");
                values.AddRange(response.Items.Where(item => item.GetProperty("category").GetString() == category)
                    .Select(item => item.GetProperty(field).GetString()!));
            }
        }
        return values;
    }

    [GeneratedRegex(@"^-?\d+\.0$")]
    private static partial Regex TemperatureWithPoint();

    [GeneratedRegex(@"^-?\d+$")]
    private static partial Regex WholeNumber();

    /// <summary>One decimal, but none on a whole value, and no "-0": "-1.3", "-0.4", "-1", "0".</summary>
    [GeneratedRegex(@"^(0|-?[1-9]\d*|-?(0|[1-9]\d*)\.[1-9])$")]
    private static partial Regex WindComponent();

    [GeneratedRegex(@"^-?\d+\.\d$")]
    private static partial Regex OneDecimal();
}
