using System.Diagnostics;
using System.Net;
using System.Text.Json;
using WeatherFlick.Simulator.Hosting;

namespace WeatherFlick.Tests.Simulator;

/// <summary>Injected faults: each kind's shape, their counting, latency, and reproducibility from the seed.</summary>
public sealed class FaultInjectionTests(SimulatorFixture fixture) : SimulatorTests<SimulatorFixture>(fixture)
{
    private static readonly string[] Kinds =
        ["http500", "http502", "http503", "hang", "slow", "truncated", "gatewayApplicationError", "gatewayHttpError", "gatewayUnknownError", "wrappedNoData"];

    private Task OnlyAsync(string kind) => Api.PutConfigAsync(new
    {
        faultRate = 1.0,
        faultWeights = Kinds.ToDictionary(name => name, name => name == kind ? 1 : 0),
        slowMs = 300,
        hangSeconds = 5,
    });

    [Theory]
    [InlineData("http500", 500)]
    [InlineData("http502", 502)]
    [InlineData("http503", 503)]
    public async Task Server_error_faults_answer_an_html_page_with_their_status(string kind, int status)
    {
        await OnlyAsync(kind);

        var response = await Api.KtoAsync("areaCode2", "_type=json");

        ((int)response.Status).ShouldBe(status);
        response.ContentType.ShouldNotBeNull().ShouldStartWith("text/html");
        response.Body.ShouldContain(status.ToString(System.Globalization.CultureInfo.InvariantCulture), customMessage: "the page names the status");
        response.Body.TrimStart().ShouldStartWith("<", customMessage: "an HTML body, not JSON");
    }

    [Theory]
    [InlineData("gatewayApplicationError", "1", "APPLICATION_ERROR")]
    [InlineData("gatewayHttpError", "4", "HTTP_ERROR")]
    [InlineData("gatewayUnknownError", "99", "UNKNOWN_ERROR")]
    public async Task Gateway_faults_answer_the_gateway_xml_under_json(string kind, string code, string message)
    {
        await OnlyAsync(kind);

        var response = await Api.KmaAsync("getUltraSrtNcst", "dataType=JSON&base_date=20250701&base_time=0800&nx=60&ny=127");

        response.GatewayCode.ShouldBe(code);
        response.Xml.Root!.Element("cmmMsgHeader")!.Element("returnAuthMsg")!.Value.ShouldBe(message);
    }

    [Fact]
    public async Task Wrapped_no_data_fault_is_the_services_header_only_03()
    {
        await OnlyAsync("wrappedNoData");

        var kto = await Api.KtoAsync("areaBasedList2", "_type=json");
        var kma = await Api.KmaAsync("getUltraSrtNcst", "dataType=JSON&base_date=20250701&base_time=0800&nx=60&ny=127");

        kto.Body.ShouldBe("{\"response\":{\"header\":{\"resultCode\":\"03\",\"resultMsg\":\"NODATA_ERROR\"}}}");
        kma.Body.ShouldBe("{\"response\":{\"header\":{\"resultCode\":\"03\",\"resultMsg\":\"NO_DATA\"}}}");
    }

    [Fact]
    public async Task Truncated_fault_cuts_the_body_so_it_no_longer_parses()
    {
        var whole = await Api.KtoAsync("areaBasedList2", "_type=json&numOfRows=20");
        await OnlyAsync("truncated");

        var cut = await Api.KtoAsync("areaBasedList2", "_type=json&numOfRows=20");

        cut.Status.ShouldBe(HttpStatusCode.OK, "a truncated body still arrives as a 200");
        cut.Bytes.Length.ShouldBeLessThan(whole.Bytes.Length);
        whole.Bytes.AsSpan(0, cut.Bytes.Length).SequenceEqual(cut.Bytes).ShouldBeTrue("it is the start of the real answer");
        Should.Throw<JsonException>(() => JsonDocument.Parse(cut.Bytes), "a cut JSON body does not parse");
    }

    [Fact]
    public async Task Slow_fault_delays_a_normal_answer()
    {
        await OnlyAsync("slow");

        var stopwatch = Stopwatch.StartNew();
        var response = await Api.KtoAsync("areaCode2", "_type=json");

        stopwatch.ElapsedMilliseconds.ShouldBeGreaterThanOrEqualTo(280, "the slow fault adds slowMs");
        response.ResultCode.ShouldBe("0000", "the answer itself is normal");
    }

    [Fact]
    public async Task Hang_fault_never_answers_so_the_client_times_out()
    {
        await OnlyAsync("hang");
        using var impatient = new HttpClient { BaseAddress = Fixture.Server.BaseAddress, Timeout = TimeSpan.FromMilliseconds(400) };

        await Should.ThrowAsync<TaskCanceledException>(
            () => impatient.GetAsync($"B551011/KorService2/areaCode2?serviceKey={SimApi.Encoded(Api.Key())}&MobileOS=ETC&MobileApp=x&_type=json"));
    }

    [Fact]
    public async Task Faulted_calls_are_charged_and_counted()
    {
        await OnlyAsync("http503");

        for (var call = 0; call < 3; call++)
        {
            await Api.KtoAsync("areaCode2", "_type=json");
        }

        var stats = await Api.AdminGetAsync("stats");
        stats.GetProperty("faults").GetInt64().ShouldBe(3);
        stats.GetProperty("calls")[0].GetProperty("count").GetInt32().ShouldBe(3, "a faulted call passed the gateway and counts against the quota");
    }

    [Fact]
    public async Task Latency_model_adds_base_latency_and_seeded_jitter()
    {
        await Api.PutConfigAsync(new { latencyMs = 150, latencyJitterMs = 50 });

        var stopwatch = Stopwatch.StartNew();
        await Api.KtoAsync("areaCode2", "_type=json");

        stopwatch.ElapsedMilliseconds.ShouldBeGreaterThanOrEqualTo(140, "every accepted call waits at least latencyMs");
    }

    [Fact]
    public async Task The_same_seed_injects_the_same_faults_into_the_same_calls()
    {
        await using var twin = await SimulatorFixture.StartServerAsync();
        using var twinApi = new SimApi(twin);
        var mix = new { faultRate = 0.5, faultWeights = Kinds.ToDictionary(name => name, name => name is "hang" or "slow" ? 0 : 1) };
        await Api.PutConfigAsync(mix);
        await twinApi.PutConfigAsync(mix);

        var outcomes = new List<(string, string)>();
        for (var call = 0; call < 40; call++)
        {
            var first = await Api.KtoAsync("areaBasedList2", "_type=json&numOfRows=3");
            var second = await twinApi.KtoAsync("areaBasedList2", "_type=json&numOfRows=3");
            second.Bytes.ShouldBe(first.Bytes, $"call {call + 1} must meet the same fate on both servers");
            outcomes.Add(((first.Status).ToString(), first.Body[..Math.Min(20, first.Body.Length)]));
        }
        outcomes.Distinct().Count().ShouldBeGreaterThan(3, "a 50 % fault rate mixes normal answers and several kinds of fault");
    }
}
