using System.Net;
using System.Text.Json;

namespace WeatherFlick.Tests.Simulator;

/// <summary>KorService2 envelopes, JSON types, field order and the three error shapes, per operation.</summary>
public sealed class KtoEnvelopeTests(SimulatorFixture fixture) : SimulatorTests<SimulatorFixture>(fixture)
{
    private static readonly string[] ListFields =
    [
        "addr1", "addr2", "areacode", "cat1", "cat2", "cat3", "contentid", "contenttypeid", "createdtime", "firstimage", "firstimage2",
        "cpyrhtDivCd", "mapx", "mapy", "mlevel", "modifiedtime", "sigungucode", "tel", "title", "zipcode", "lDongRegnCd", "lDongSignguCd",
        "lclsSystm1", "lclsSystm2", "lclsSystm3",
    ];

    [Fact]
    public async Task Area_based_list_json_has_numeric_paging_string_values_and_documented_field_order()
    {
        var response = await Api.KtoAsync("areaBasedList2", "_type=json&numOfRows=5&pageNo=1&areaCode=1&contentTypeId=12&arrange=A");

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.ContentType.ShouldNotBeNull().ShouldStartWith("application/json");
        SimResponse.Names(response.Json).ShouldBe(["response"], "the envelope has a single response member");
        SimResponse.Names(response.Json.GetProperty("response")).ShouldBe(["header", "body"]);
        response.ResultCode.ShouldBe("0000");
        response.Json.GetProperty("response").GetProperty("header").GetProperty("resultMsg").GetString().ShouldBe("OK");
        SimResponse.Names(response.JsonBody).ShouldBe(["items", "numOfRows", "pageNo", "totalCount"], "body order is items, numOfRows, pageNo, totalCount");
        foreach (var paging in new[] { "numOfRows", "pageNo", "totalCount" })
        {
            response.JsonBody.GetProperty(paging).ValueKind.ShouldBe(JsonValueKind.Number, $"{paging} must be a JSON number");
        }
        response.Items.Length.ShouldBe(5);
        foreach (var item in response.Items)
        {
            SimResponse.Names(item).ShouldBe(ListFields, "list items keep areaBasedList2's field order");
            item.EnumerateObject().ShouldAllBe(property => property.Value.ValueKind == JsonValueKind.String, "every item value is a string, mapx and zipcode included");
            item.GetProperty("areacode").GetString().ShouldBe("1");
            item.GetProperty("contenttypeid").GetString().ShouldBe("12");
            item.GetProperty("mapx").GetString()!.Split('.')[1].Length.ShouldBe(10, "coordinates carry 10 decimals");
            item.GetProperty("zipcode").GetString()!.Length.ShouldBe(5, "zipcodes keep their leading zero");
            item.GetProperty("mlevel").GetString().ShouldBe("6");
            item.GetProperty("createdtime").GetString()!.Length.ShouldBe(14, "times are yyyyMMddHHmmss");
        }
        var titles = response.Items.Select(item => item.GetProperty("title").GetString()!).ToList();
        titles.ShouldBe(titles.Order(StringComparer.Ordinal).ToList(), "arrange=A sorts by title");
    }

    [Fact]
    public async Task Xml_is_the_default_format_with_a_standalone_declaration_and_the_same_envelope()
    {
        var response = await Api.KtoAsync("areaBasedList2", "numOfRows=2&areaCode=39");

        response.ContentType.ShouldNotBeNull().ShouldStartWith("text/xml");
        response.Body.ShouldStartWith("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><response><header><resultCode>0000</resultCode><resultMsg>OK</resultMsg></header><body><items><item>");
        var body = response.Xml.Root!.Element("body")!;
        body.Elements().Select(element => element.Name.LocalName).ShouldBe(["items", "numOfRows", "pageNo", "totalCount"]);
        body.Element("items")!.Elements("item").Count().ShouldBe(2);
        body.Element("items")!.Element("item")!.Elements().Select(element => element.Name.LocalName).ShouldBe(ListFields);
    }

    [Fact]
    public async Task Zero_results_are_items_empty_string_with_total_count_zero()
    {
        var response = await Api.KtoAsync("searchKeyword2", "_type=json&keyword=" + Uri.EscapeDataString("존재하지않는키워드"));

        response.ResultCode.ShouldBe("0000");
        response.JsonBody.GetProperty("items").ValueKind.ShouldBe(JsonValueKind.String, "an empty result is \"items\":\"\", not {} or []");
        response.JsonBody.GetProperty("items").GetString().ShouldBe("");
        response.JsonBody.GetProperty("totalCount").GetInt32().ShouldBe(0);
        response.Body.ShouldContain("\"items\":\"\"");
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_but_keeps_the_true_total()
    {
        var first = await Api.KtoAsync("areaBasedList2", "_type=json&areaCode=8&numOfRows=10");
        var total = first.JsonBody.GetProperty("totalCount").GetInt32();
        var past = await Api.KtoAsync("areaBasedList2", $"_type=json&areaCode=8&numOfRows=10&pageNo={total / 10 + 2}");

        past.JsonBody.GetProperty("items").GetString().ShouldBe("", "a page past the end has no rows");
        past.JsonBody.GetProperty("totalCount").GetInt32().ShouldBe(total, "totalCount does not depend on the page");
        past.JsonBody.GetProperty("numOfRows").GetInt32().ShouldBe(10, "numOfRows echoes the request");
    }

    [Theory]
    [InlineData("areaBasedList2", "listYN=Y", "listYN")]
    [InlineData("detailCommon2", "contentId=125000&defaultYN=Y", "defaultYN")]
    [InlineData("detailCommon2", "contentId=125000&contentTypeId=12", "contentTypeId")]
    [InlineData("detailCommon2", "contentId=125000&overviewYN=Y", "overviewYN")]
    [InlineData("detailImage2", "contentId=125000&subImageYN=Y", "subImageYN")]
    [InlineData("searchKeyword2", "keyword=a&arrangeType=A", "arrangeType")]
    [InlineData("areaBasedList2", "mobileOS=ETC", "mobileOS")]
    public async Task Unknown_parameter_gives_the_flat_error_10_naming_it(string operation, string query, string name)
    {
        var response = await Api.KtoAsync(operation, "_type=json&" + query);

        ShouldBeFlatError(response, "10", $"INVALID_REQUEST_PARAMETER_ERROR({name})");
        DateTime.TryParseExact(response.Json.GetProperty("responseTime").GetString(), "yyyy-MM-dd'T'HH:mm:ss.fff", null, System.Globalization.DateTimeStyles.None, out var time)
            .ShouldBeTrue("responseTime is a KST local time with milliseconds");
        time.ShouldBe(SimulatorFixture.Start.DateTime, "responseTime is the simulator's now in KST");
    }

    [Fact]
    public async Task Missing_MobileOS_gives_the_flat_error_11()
    {
        var response = await Api.GetAsync($"B551011/KorService2/areaCode2?serviceKey={SimApi.Encoded(Api.Key())}&MobileApp=x&_type=json");

        ShouldBeFlatError(response, "11", "NO_MANDATORY_REQUEST_PARAMETERS_ERROR1(MobileOS)");
    }

    [Theory]
    [InlineData("searchKeyword2", "", "keyword")]
    [InlineData("searchFestival2", "", "eventStartDate")]
    [InlineData("locationBasedList2", "mapY=37.5&radius=1000", "mapX")]
    [InlineData("detailIntro2", "contentId=125000", "contentTypeId")]
    [InlineData("detailInfo2", "contentId=125000", "contentTypeId")]
    [InlineData("detailCommon2", "", "contentId")]
    public async Task Missing_required_parameter_gives_the_flat_error_11(string operation, string query, string name)
    {
        var response = await Api.KtoAsync(operation, "_type=json" + (query.Length > 0 ? "&" + query : ""));

        ShouldBeFlatError(response, "11", $"NO_MANDATORY_REQUEST_PARAMETERS_ERROR1({name})");
    }

    [Theory]
    [InlineData("numOfRows=abc", "numOfRows")]
    [InlineData("arrange=E", "arrange")]
    [InlineData("modifiedtime=2025-07-01", "modifiedtime")]
    [InlineData("MobileOS=PALM", "MobileOS")]
    public async Task Malformed_value_gives_the_flat_error_10_naming_the_parameter(string query, string name)
    {
        var path = $"B551011/KorService2/areaBasedList2?serviceKey={SimApi.Encoded(Api.Key())}&MobileApp=x&_type=json&{query}"
            + (name == "MobileOS" ? "" : "&MobileOS=ETC");
        var response = await Api.GetAsync(path);

        ShouldBeFlatError(response, "10", $"INVALID_REQUEST_PARAMETER_ERROR({name})");
    }

    [Fact]
    public async Task Area_codes_list_the_17_areas_in_order_with_numeric_rnum()
    {
        var response = await Api.KtoAsync("areaCode2", "_type=json&numOfRows=50");

        var items = response.Items;
        items.Select(item => item.GetProperty("code").GetString()).ShouldBe(
            ["1", "2", "3", "4", "5", "6", "7", "8", "31", "32", "33", "34", "35", "36", "37", "38", "39"]);
        items.Select(item => item.GetProperty("rnum").GetInt32()).ShouldBe(Enumerable.Range(1, 17));
        items.ShouldAllBe(item => item.GetProperty("rnum").ValueKind == JsonValueKind.Number, "rnum is the one numeric item value");
        SimResponse.Names(items[0]).ShouldBe(["rnum", "code", "name"]);
        items[16].GetProperty("name").GetString().ShouldBe("제주도", "the API names Jeju 제주도");
    }

    [Fact]
    public async Task Seoul_districts_are_numbered_in_korean_alphabetical_order()
    {
        var response = await Api.KtoAsync("areaCode2", "_type=json&numOfRows=50&areaCode=1");

        response.Items.Length.ShouldBe(25);
        response.Items[0].GetProperty("name").GetString().ShouldBe("강남구");
        response.Items[22].GetProperty("name").GetString().ShouldBe("종로구");
        response.Items[22].GetProperty("code").GetString().ShouldBe("23");
    }

    [Fact]
    public async Task Legal_dong_codes_list_provinces_then_districts_and_the_full_list_shape()
    {
        var provinces = await Api.KtoAsync("ldongCode2", "_type=json&numOfRows=50");
        var seoul = await Api.KtoAsync("ldongCode2", "_type=json&numOfRows=50&lDongRegnCd=11");
        var full = await Api.KtoAsync("ldongCode2", "_type=json&numOfRows=5&lDongListYn=Y");

        provinces.Items.Length.ShouldBe(17);
        provinces.Items.Select(item => item.GetProperty("code").GetString()).ShouldContain("51", "Gangwon is 51 since 2023");
        seoul.Items.First(item => item.GetProperty("name").GetString() == "종로구").GetProperty("code").GetString().ShouldBe("110");
        SimResponse.Names(full.Items[0]).ShouldBe(["lDongRegnCd", "lDongRegnNm", "lDongSignguCd", "lDongSignguNm"]);
        full.JsonBody.GetProperty("totalCount").GetInt32().ShouldBeGreaterThan(200, "every district of every province");
    }

    [Fact]
    public async Task Classification_codes_have_the_ten_top_codes_and_the_full_list_shape()
    {
        var top = await Api.KtoAsync("lclsSystmCode2", "_type=json&numOfRows=50");
        var full = await Api.KtoAsync("lclsSystmCode2", "_type=json&numOfRows=3&lclsSystmListYn=Y");
        var categories = await Api.KtoAsync("categoryCode2", "_type=json&numOfRows=50");

        top.Items.Select(item => item.GetProperty("code").GetString()).ShouldBe(["AC", "C01", "EV", "EX", "FD", "HS", "LS", "NA", "SH", "VE"]);
        SimResponse.Names(full.Items[0]).ShouldBe(["lclsSystm1Cd", "lclsSystm1Nm", "lclsSystm2Cd", "lclsSystm2Nm", "lclsSystm3Cd", "lclsSystm3Nm", "rnum"]);
        categories.Items.Select(item => item.GetProperty("code").GetString()).ShouldBe(["A01", "A02", "A03", "A04", "A05", "B02", "C01"]);
    }

    [Fact]
    public async Task Arrange_C_orders_by_modified_time_newest_first_and_Q_keeps_only_items_with_an_image()
    {
        var byModified = await Api.KtoAsync("areaBasedList2", "_type=json&numOfRows=50&arrange=C");
        var withImage = await Api.KtoAsync("areaBasedList2", "_type=json&numOfRows=50&arrange=Q");
        var all = await Api.KtoAsync("areaBasedList2", "_type=json&numOfRows=1");

        var times = byModified.Items.Select(item => item.GetProperty("modifiedtime").GetString()!).ToList();
        times.ShouldBe(times.OrderDescending(StringComparer.Ordinal).ToList(), "C is newest modification first");
        withImage.Items.ShouldAllBe(item => item.GetProperty("firstimage").GetString()!.Length > 0, "Q keeps rows with a main image only");
        withImage.JsonBody.GetProperty("totalCount").GetInt32().ShouldBeLessThan(all.JsonBody.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Location_based_list_adds_dist_after_createdtime_and_orders_by_distance()
    {
        var response = await Api.KtoAsync("locationBasedList2", "_type=json&numOfRows=20&mapX=126.9780&mapY=37.5665&radius=20000&arrange=E");

        response.Items.Length.ShouldBeGreaterThan(1, "central Seoul has destinations within 20 km");
        var names = SimResponse.Names(response.Items[0]);
        names[Array.IndexOf(names, "createdtime") + 1].ShouldBe("dist");
        var distances = response.Items.Select(item => double.Parse(item.GetProperty("dist").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        distances.ShouldBe(distances.Order().ToList(), "arrange=E is nearest first");
        distances.ShouldAllBe(d => d <= 20_000);
    }

    [Fact]
    public async Task Radius_over_20_km_is_rejected()
    {
        var response = await Api.KtoAsync("locationBasedList2", "_type=json&mapX=126.97&mapY=37.56&radius=20001");

        ShouldBeFlatError(response, "10", "INVALID_REQUEST_PARAMETER_ERROR(radius)");
    }

    [Fact]
    public async Task Festival_search_adds_event_dates_and_silently_ignores_area_code()
    {
        var everywhere = await Api.KtoAsync("searchFestival2", "_type=json&numOfRows=500&eventStartDate=20250701");
        var seoulOnly = await Api.KtoAsync("searchFestival2", "_type=json&numOfRows=500&eventStartDate=20250701&areaCode=1");

        everywhere.Items.Length.ShouldBeGreaterThan(0);
        everywhere.Items.ShouldAllBe(item => item.GetProperty("contenttypeid").GetString() == "15");
        everywhere.Items.ShouldAllBe(item => string.CompareOrdinal(item.GetProperty("eventenddate").GetString(), "20250701") >= 0, "only festivals still running on or after eventStartDate");
        seoulOnly.JsonBody.GetProperty("totalCount").GetInt32().ShouldBe(everywhere.JsonBody.GetProperty("totalCount").GetInt32(), "areaCode is accepted but ignored");
    }

    [Fact]
    public async Task Keyword_search_matches_titles_nationwide()
    {
        var sample = (await Api.KtoAsync("areaBasedList2", "_type=json&numOfRows=1&contentTypeId=39")).Items[0].GetProperty("title").GetString()!;
        var word = sample.Split(' ')[0];
        var response = await Api.KtoAsync("searchKeyword2", "_type=json&numOfRows=100&keyword=" + Uri.EscapeDataString(word));

        response.Items.ShouldNotBeEmpty();
        response.Items.ShouldAllBe(item => item.GetProperty("title").GetString()!.Contains(word));
    }

    [Fact]
    public async Task Stay_search_lists_only_accommodation()
    {
        var response = await Api.KtoAsync("searchStay2", "_type=json&numOfRows=30&areaCode=32");

        response.Items.ShouldNotBeEmpty();
        response.Items.ShouldAllBe(item => item.GetProperty("contenttypeid").GetString() == "32" && item.GetProperty("areacode").GetString() == "32");
    }

    [Fact]
    public async Task Detail_common_returns_one_item_array_with_documented_fields_and_html_in_text()
    {
        var contentId = (await Api.KtoAsync("areaBasedList2", "_type=json&numOfRows=1&contentTypeId=14")).Items[0].GetProperty("contentid").GetString();
        var response = await Api.KtoAsync("detailCommon2", $"_type=json&contentId={contentId}");

        response.JsonBody.GetProperty("items").GetProperty("item").ValueKind.ShouldBe(JsonValueKind.Array, "item is an array even for one row");
        SimResponse.Names(response.Items.Single()).ShouldBe(
        [
            "contentid", "contenttypeid", "title", "createdtime", "modifiedtime", "tel", "telname", "homepage", "firstimage", "firstimage2",
            "cpyrhtDivCd", "areacode", "sigungucode", "lDongRegnCd", "lDongSignguCd", "lclsSystm1", "lclsSystm2", "lclsSystm3",
            "cat1", "cat2", "cat3", "addr1", "addr2", "zipcode", "mapx", "mapy", "mlevel", "overview",
        ]);
        response.Items[0].GetProperty("overview").GetString().ShouldNotBeNull().ShouldContain("<br>", customMessage: "overview carries HTML line breaks");
    }

    [Fact]
    public async Task Detail_intro_fields_follow_the_content_type()
    {
        var restaurant = (await Api.KtoAsync("areaBasedList2", "_type=json&numOfRows=1&contentTypeId=39")).Items[0].GetProperty("contentid").GetString();
        var stay = (await Api.KtoAsync("areaBasedList2", "_type=json&numOfRows=1&contentTypeId=32")).Items[0].GetProperty("contentid").GetString();

        var food = await Api.KtoAsync("detailIntro2", $"_type=json&contentId={restaurant}&contentTypeId=39");
        var lodging = await Api.KtoAsync("detailIntro2", $"_type=json&contentId={stay}&contentTypeId=32");
        var mismatch = await Api.KtoAsync("detailIntro2", $"_type=json&contentId={stay}&contentTypeId=39");
        var rooms = await Api.KtoAsync("detailInfo2", $"_type=json&contentId={stay}&contentTypeId=32");

        SimResponse.Names(food.Items[0]).Take(3).ShouldBe(["contentid", "contenttypeid", "kidsfacility"], "a restaurant's intro starts as the live answers do");
        SimResponse.Names(lodging.Items[0]).ShouldContain("checkintime");
        mismatch.JsonBody.GetProperty("items").GetString().ShouldBe("", "a content type that is not the destination's finds nothing");
        rooms.Items.ShouldNotBeEmpty();
        SimResponse.Names(rooms.Items[0]).Skip(2).First().ShouldBe("roomcode");
    }

    [Fact]
    public async Task Detail_image_lists_place_photos_with_documented_fields()
    {
        var withImage = (await Api.KtoAsync("areaBasedList2", "_type=json&numOfRows=1&arrange=O")).Items[0].GetProperty("contentid").GetString();
        var response = await Api.KtoAsync("detailImage2", $"_type=json&contentId={withImage}&imageYN=Y");

        response.Items.ShouldNotBeEmpty();
        SimResponse.Names(response.Items[0]).ShouldBe(["contentid", "originimgurl", "imgname", "smallimageurl", "cpyrhtDivCd", "serialnum"]);
        response.Items[0].GetProperty("originimgurl").GetString().ShouldStartWith("http://tong.visitkorea.or.kr/cms/resource/");
    }

    [Fact]
    public async Task Every_operation_answers_ok_with_its_minimal_parameters()
    {
        var contentId = (await Api.KtoAsync("areaBasedList2", "_type=json&numOfRows=1&contentTypeId=12")).Items[0].GetProperty("contentid").GetString();
        var calls = new Dictionary<string, string>
        {
            ["areaCode2"] = "", ["categoryCode2"] = "", ["ldongCode2"] = "", ["lclsSystmCode2"] = "", ["areaBasedList2"] = "",
            ["locationBasedList2"] = "mapX=127.0&mapY=37.5&radius=5000", ["searchKeyword2"] = "keyword=" + Uri.EscapeDataString("공원"),
            ["searchFestival2"] = "eventStartDate=20250101", ["searchStay2"] = "", ["detailCommon2"] = $"contentId={contentId}",
            ["detailIntro2"] = $"contentId={contentId}&contentTypeId=12", ["detailInfo2"] = $"contentId={contentId}&contentTypeId=12",
            ["detailImage2"] = $"contentId={contentId}", ["areaBasedSyncList2"] = "",
        };
        foreach (var (operation, query) in calls)
        {
            var response = await Api.KtoAsync(operation, "_type=json" + (query.Length > 0 ? "&" + query : ""));
            response.ResultCode.ShouldBe("0000", $"{operation} answered {response.Body[..Math.Min(200, response.Body.Length)]}");
        }
    }

    [Fact]
    public async Task Retired_KorService1_gets_gateway_code_12_even_under_json()
    {
        var retired = await Api.GetAsync($"B551011/KorService1/areaBasedList1?serviceKey={SimApi.Encoded(Api.Key())}&MobileOS=ETC&MobileApp=x&_type=json");

        retired.GatewayCode.ShouldBe("12", "a retired service answers NO_OPENAPI_SERVICE_ERROR");
        retired.ContentType.ShouldNotBeNull().ShouldStartWith("text/xml");
    }

    /// <summary>KorService2's flat parameter error: HTTP 200, no response wrapper, three string members.</summary>
    private static void ShouldBeFlatError(SimResponse response, string code, string message)
    {
        response.Status.ShouldBe(HttpStatusCode.OK, "parameter errors are HTTP 200");
        SimResponse.Names(response.Json).ShouldBe(["responseTime", "resultCode", "resultMsg"], "the flat error has no response wrapper");
        response.Json.GetProperty("resultCode").GetString().ShouldBe(code);
        response.Json.GetProperty("resultMsg").GetString().ShouldBe(message);
    }
}
