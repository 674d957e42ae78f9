using System.Net;
using System.Text.Json;
using WeatherFlick.Simulator.Hosting;

namespace WeatherFlick.Tests.Simulator;

/// <summary>Behaviours known only from single reports ([R]) sit behind options; turned on, they show the reported shapes.</summary>
public sealed class QuirkOptionTests(QuirkOptionTests.ReportedFixture fixture) : SimulatorTests<QuirkOptionTests.ReportedFixture>(fixture)
{
    public sealed class ReportedFixture : SimulatorFixture
    {
        protected override void Configure(SimulatorOptions options)
        {
            options.Kto.EmptyItems = "Null";
            options.Kto.SingleItemAsObject = true;
            options.Kto.ContentTypeIdAsNumber = true;
            options.Gateway.KeyRejectedStatus = 403;
            options.Gateway.QuotaExceededStatus = 500;
            options.Gateway.ErrorVariant = "Korean";
            options.Kma.HistoryErrorCode = "99";
            options.Kma.UltraFcstIncludesPop = true;
            options.DailyQuota.Kto = 1;
        }
    }

    [Fact]
    public async Task Empty_items_can_be_null_and_a_single_row_a_bare_object()
    {
        var empty = await Api.KtoAsync("searchKeyword2", "_type=json&keyword=" + Uri.EscapeDataString("없는말"));
        var single = await Api.KtoAsync("areaBasedList2", "_type=json&numOfRows=1");

        empty.JsonBody.GetProperty("items").ValueKind.ShouldBe(JsonValueKind.Null);
        var item = single.JsonBody.GetProperty("items").GetProperty("item");
        item.ValueKind.ShouldBe(JsonValueKind.Object, "one row as a bare object");
        item.GetProperty("contenttypeid").ValueKind.ShouldBe(JsonValueKind.Number, "contenttypeid as a number");
    }

    [Fact]
    public async Task Gateway_errors_can_use_recent_http_statuses_and_the_korean_variant()
    {
        var rejected = await Api.KtoAsync("areaCode2", "_type=json", encodedKey: "WRONG");
        await Api.KtoAsync("areaCode2", "_type=json");
        var overQuota = await Api.KtoAsync("areaCode2", "_type=json");

        rejected.Status.ShouldBe(HttpStatusCode.Forbidden);
        rejected.Xml.Root!.Element("cmmMsgHeader")!.Element("returnAuthMsg")!.Value.ShouldBe("등록되지 않은 서비스키");
        rejected.Xml.Root!.Element("cmmMsgHeader")!.Element("errMsg")!.Value.ShouldBe("SERVICE_KEY_IS_NOT_REGISTERED_ERROR");
        overQuota.Status.ShouldBe(HttpStatusCode.InternalServerError);
        overQuota.GatewayCode.ShouldBe("22");
    }

    [Fact]
    public async Task History_error_code_can_be_99_and_ultra_short_forecasts_can_carry_POP()
    {
        var old = await Api.KmaAsync("getUltraSrtNcst", "dataType=JSON&base_date=20250629&base_time=0800&nx=60&ny=127");
        var ultra = await Api.KmaAsync("getUltraSrtFcst", "dataType=JSON&numOfRows=100&base_date=20250701&base_time=0830&nx=60&ny=127");

        old.ResultCode.ShouldBe("99");
        ultra.JsonBody.GetProperty("totalCount").GetInt32().ShouldBe(66);
        ultra.Items.ShouldContain(item => item.GetProperty("category").GetString() == "POP");
    }
}
