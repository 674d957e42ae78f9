using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using WeatherFlick.Simulator.Hosting;

namespace WeatherFlick.Tests.Simulator;

/// <summary>The data.go.kr gateway: key encoding, quotas per key/operation/KST day, rate limits and the stats that count them.</summary>
public sealed class GatewayTests(GatewayTests.QuotaFixture fixture) : SimulatorTests<GatewayTests.QuotaFixture>(fixture)
{
    /// <summary>Small quotas so a test can exhaust one in a few calls.</summary>
    public sealed class QuotaFixture : SimulatorFixture
    {
        protected override void Configure(SimulatorOptions options)
        {
            options.DailyQuota.Kto = 3;
            options.DailyQuota.Kma = 4;
        }
    }

    [Fact]
    public async Task Key_encoded_once_is_accepted()
    {
        var response = await Api.KtoAsync("areaCode2", "_type=json", encodedKey: SimApi.Encoded(Api.Key()));

        response.ResultCode.ShouldBe("0000", "the decoded key sent through normal encoding is what data.go.kr expects");
    }

    [Fact]
    public async Task Double_encoded_key_gets_gateway_xml_code_30_even_under_json()
    {
        var doubleEncoded = Uri.EscapeDataString(Uri.EscapeDataString(Api.Key()));
        doubleEncoded.ShouldContain("%252B", customMessage: "the test key contains + so double encoding shows");

        var response = await Api.KtoAsync("areaCode2", "_type=json", encodedKey: doubleEncoded);

        response.Status.ShouldBe(HttpStatusCode.OK, "code 30 is HTTP 200 by default");
        response.Body.ShouldStartWith("<OpenAPI_ServiceResponse>", customMessage: "the gateway answers XML whatever _type asked for");
        response.GatewayCode.ShouldBe("30");
        response.Xml.Root!.Element("cmmMsgHeader")!.Element("returnAuthMsg")!.Value.ShouldBe("SERVICE_KEY_IS_NOT_REGISTERED_ERROR");
        response.Xml.Root!.Element("cmmMsgHeader")!.Element("errMsg")!.Value.ShouldBe("SERVICE ERROR");
    }

    [Fact]
    public async Task Raw_key_pasted_into_the_url_loses_its_plus_signs_and_gets_code_30()
    {
        var response = await Api.KmaAsync("getUltraSrtNcst", "dataType=JSON", encodedKey: Api.Key());

        response.GatewayCode.ShouldBe("30", "an unencoded + reads as a space after the single decode");
    }

    [Fact]
    public async Task Unknown_or_missing_key_gets_code_30_and_is_counted_as_a_key_rejection()
    {
        var unknown = await Api.KtoAsync("areaCode2", "_type=json", encodedKey: "NOT-A-KEY");
        var missing = await Api.GetAsync("B551011/KorService2/areaCode2?MobileOS=ETC&MobileApp=x&_type=json");
        var stats = await Api.AdminGetAsync("stats");

        unknown.GatewayCode.ShouldBe("30");
        missing.GatewayCode.ShouldBe("30");
        stats.GetProperty("rejections").GetProperty("key").GetInt64().ShouldBe(2);
        stats.GetProperty("calls").GetArrayLength().ShouldBe(0, "rejected keys are not charged");
    }

    [Fact]
    public async Task Call_after_the_daily_quota_gets_code_22_until_midnight_KST()
    {
        for (var call = 1; call <= 3; call++)
        {
            (await Api.KtoAsync("areaCode2", "_type=json")).ResultCode.ShouldBe("0000", $"call {call} of 3 is within the quota");
        }

        var fourth = await Api.KtoAsync("areaCode2", "_type=json");
        fourth.GatewayCode.ShouldBe("22", "the (N+1)-th call of a key and operation in one KST day is over quota");
        fourth.Xml.Root!.Element("cmmMsgHeader")!.Element("returnAuthMsg")!.Value.ShouldBe("LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR");
        (await Api.KtoAsync("categoryCode2", "_type=json")).ResultCode.ShouldBe("0000", "quotas are per operation");
        (await Api.KtoAsync("areaCode2", "_type=json", encodedKey: SimApi.Encoded(Api.Key(1)))).ResultCode.ShouldBe("0000", "quotas are per key");

        await Api.SetClockAsync(new DateTimeOffset(2025, 7, 1, 23, 59, 59, TimeSpan.FromHours(9)));
        (await Api.KtoAsync("areaCode2", "_type=json")).GatewayCode.ShouldBe("22", "23:59:59 KST is still the same quota day");

        await Api.AdvanceClockAsync(TimeSpan.FromSeconds(1));
        (await Api.KtoAsync("areaCode2", "_type=json")).ResultCode.ShouldBe("0000", "the quota resets at 00:00 KST");
    }

    [Fact]
    public async Task Quota_day_follows_KST_not_UTC()
    {
        // 23:30 UTC on 30 June is 08:30 KST on 1 July: same KST day as the fixture's start.
        await Api.SetClockAsync(new DateTimeOffset(2025, 6, 30, 23, 30, 0, TimeSpan.Zero));
        for (var call = 0; call < 3; call++)
        {
            await Api.KtoAsync("areaCode2", "_type=json");
        }
        await Api.SetClockAsync(new DateTimeOffset(2025, 7, 1, 14, 0, 0, TimeSpan.Zero));

        (await Api.KtoAsync("areaCode2", "_type=json")).GatewayCode.ShouldBe("22", "14:00 UTC is 23:00 KST, still 1 July in Korea");
        var stats = await Api.AdminGetAsync("stats");
        stats.GetProperty("calls")[0].GetProperty("day").GetString().ShouldBe("2025-07-01");
    }

    [Fact]
    public async Task Kma_quota_is_separate_and_larger_by_provider_default()
    {
        for (var call = 0; call < 4; call++)
        {
            (await Api.KmaAsync("getFcstVersion", "dataType=JSON&ftype=SHRT&basedatetime=202507010500")).ResultCode.ShouldBe("00");
        }

        (await Api.KmaAsync("getFcstVersion", "dataType=JSON&ftype=SHRT&basedatetime=202507010500")).GatewayCode.ShouldBe("22");
    }

    [Fact]
    public async Task Stats_count_charged_calls_per_key_fingerprint_operation_and_day_in_the_documented_shape()
    {
        await Api.KtoAsync("areaCode2", "_type=json");
        await Api.KtoAsync("areaCode2", "_type=json&listYN=Y");
        for (var call = 0; call < 3; call++)
        {
            await Api.KtoAsync("categoryCode2", "_type=json");
        }
        await Api.KtoAsync("categoryCode2", "_type=json");

        var stats = await Api.AdminGetAsync("stats");

        SimResponse.Names(stats).ShouldBe(["calls", "rejections", "faults", "peakConcurrency"]);
        SimResponse.Names(stats.GetProperty("rejections")).ShouldBe(["quota", "rate", "key", "params"]);
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Api.Key())))[..8];
        var calls = stats.GetProperty("calls").EnumerateArray().ToList();
        calls.Count.ShouldBe(2);
        calls.ShouldAllBe(call => SimResponse.Names(call).SequenceEqual(new[] { "key", "operation", "day", "count" }));
        calls.ShouldAllBe(call => call.GetProperty("key").GetString() == fingerprint, "keys appear only as the first 8 hex chars of their SHA-256");
        calls.Single(call => call.GetProperty("operation").GetString() == "areaCode2").GetProperty("count").GetInt32().ShouldBe(2, "a parameter error is still a charged call");
        calls.Single(call => call.GetProperty("operation").GetString() == "categoryCode2").GetProperty("count").GetInt32().ShouldBe(3, "the over-quota call is not charged");
        calls[0].GetProperty("day").GetString().ShouldBe("2025-07-01");
        stats.GetProperty("rejections").GetProperty("quota").GetInt64().ShouldBe(1);
        stats.GetProperty("rejections").GetProperty("params").GetInt64().ShouldBe(1);
        stats.GetProperty("peakConcurrency").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        stats.GetRawText().ShouldNotContain(Api.Key(), customMessage: "the raw key never appears in stats");
    }

    [Fact]
    public async Task Per_key_quota_override_set_at_runtime_applies_to_that_key_only()
    {
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Api.Key(1))))[..8];
        await Api.PutConfigAsync(new { keyQuotas = new Dictionary<string, object> { [fingerprint] = new { kto = 1 } } });

        (await Api.KtoAsync("areaCode2", "_type=json", encodedKey: SimApi.Encoded(Api.Key(1)))).ResultCode.ShouldBe("0000");
        (await Api.KtoAsync("areaCode2", "_type=json", encodedKey: SimApi.Encoded(Api.Key(1)))).GatewayCode.ShouldBe("22", "key 1 is limited to one call");
        (await Api.KtoAsync("areaCode2", "_type=json")).ResultCode.ShouldBe("0000", "key 0 keeps the default quota");
    }

    [Fact]
    public async Task Burst_above_the_key_rate_gets_http_429_and_is_counted()
    {
        await Api.PutConfigAsync(new { ratePerSecond = 1.0, rateBurst = 2 });

        var statuses = new List<HttpStatusCode>();
        for (var call = 0; call < 5; call++)
        {
            statuses.Add((await Api.KmaAsync("getFcstVersion", "dataType=JSON&ftype=ODAM&basedatetime=202507010800", SimApi.Encoded(Api.Key(2)))).Status);
        }

        statuses.Take(2).ShouldAllBe(status => status == HttpStatusCode.OK, "the bucket allows a burst of 2");
        statuses.ShouldContain(HttpStatusCode.TooManyRequests, "back-to-back calls beyond the burst are rejected");
        var stats = await Api.AdminGetAsync("stats");
        stats.GetProperty("rejections").GetProperty("rate").GetInt64().ShouldBe(statuses.Count(status => status == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Peak_concurrency_counts_requests_in_flight_together()
    {
        await Api.PutConfigAsync(new { latencyMs = 500 });

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Api.KmaAsync("getFcstVersion", "dataType=JSON&ftype=SHRT&basedatetime=202507010500")));

        var stats = await Api.AdminGetAsync("stats");
        stats.GetProperty("peakConcurrency").GetInt32().ShouldBe(4, "four calls held 500 ms each overlap");
    }

    [Fact]
    public async Task Reset_clears_counters_and_restores_the_clock_and_configuration()
    {
        await Api.KtoAsync("areaCode2", "_type=json");
        await Api.AdvanceClockAsync(TimeSpan.FromDays(2));
        await Api.PutConfigAsync(new { latencyMs = 5, dailyQuota = new { kto = 7 } });

        await Api.ResetAsync();

        var stats = await Api.AdminGetAsync("stats");
        stats.GetProperty("calls").GetArrayLength().ShouldBe(0);
        var clock = await Api.AdminGetAsync("clock");
        clock.GetProperty("now").GetDateTimeOffset().ShouldBe(SimulatorFixture.Start);
        var config = await Api.AdminGetAsync("config");
        config.GetProperty("latencyMs").GetInt32().ShouldBe(0);
        config.GetProperty("dailyQuota").GetProperty("kto").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task Invalid_runtime_configuration_is_refused_with_the_field_named()
    {
        using var response = await Api.AdminSendAsync(HttpMethod.Put, "config", new { faultRate = 2.0, faultWeights = new Dictionary<string, int> { ["meteor"] = 1 } });
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("faultRate", out _).ShouldBeTrue("the out-of-range field is named");
        problem.GetProperty("errors").TryGetProperty("faultWeights.meteor", out _).ShouldBeTrue("an unknown fault kind is named");
    }
}
