using System.Net;
using System.Text;
using WeatherFlick.Jobs.Collection.Gateway;

namespace WeatherFlick.Tests.Collection;

/// <summary>Every upstream shape of shared/reference/public-data-apis.md, one row each.</summary>
public sealed class ResponseClassifierTests
{
    private const string GatewayXml = """
        <OpenAPI_ServiceResponse><cmmMsgHeader><errMsg>SERVICE ERROR</errMsg>
        <returnAuthMsg>{1}</returnAuthMsg>
        <returnReasonCode>{0}</returnReasonCode></cmmMsgHeader></OpenAPI_ServiceResponse>
        """;

    public static TheoryData<string, int, string, string> Shapes => new()
    {
        // name, HTTP status, body, expected outcome
        { "KTO list page", 200, """{"response":{"header":{"resultCode":"0000","resultMsg":"OK"},"body":{"items":{"item":[{"contentid":"1","title":"a"},{"contentid":"2","title":"b"}]},"numOfRows":2,"pageNo":1,"totalCount":260}}}""", "data" },
        { "KMA forecast page", 200, """{"response":{"header":{"resultCode":"00","resultMsg":"NORMAL_SERVICE"},"body":{"dataType":"JSON","items":{"item":[{"baseDate":"20210920","baseTime":"0500","category":"TMP","fcstDate":"20210920","fcstTime":"0600","fcstValue":"20","nx":55,"ny":127}]},"pageNo":1,"numOfRows":10,"totalCount":1}}}""", "data" },
        { "single item as a bare object", 200, """{"response":{"header":{"resultCode":"0000","resultMsg":"OK"},"body":{"items":{"item":{"contentid":"7"}},"numOfRows":10,"pageNo":1,"totalCount":1}}}""", "data" },
        { "items empty string", 200, """{"response":{"header":{"resultCode":"0000","resultMsg":"OK"},"body":{"items":"","numOfRows":10,"pageNo":1,"totalCount":0}}}""", "no_data" },
        { "items null", 200, """{"response":{"header":{"resultCode":"0000","resultMsg":"OK"},"body":{"items":null,"numOfRows":10,"pageNo":1,"totalCount":0}}}""", "no_data" },
        { "KMA NO_DATA header only", 200, """{"response":{"header":{"resultCode":"03","resultMsg":"NO_DATA"}}}""", "no_data" },
        { "wrapped NODATA_ERROR", 200, """{"response":{"header":{"resultCode":"03","resultMsg":"NODATA_ERROR"}}}""", "no_data" },
        { "flat error 10", 200, """{"responseTime":"2026-09-03T16:59:12.891","resultCode":"10","resultMsg":"INVALID_REQUEST_PARAMETER_ERROR(listYN)"}""", "invalid_request" },
        { "flat error 11", 200, """{"responseTime":"2026-09-03T16:59:12.891","resultCode":"11","resultMsg":"NO_MANDATORY_REQUEST_PARAMETERS_ERROR1(MobileOS)"}""", "invalid_request" },
        { "KMA 3-day window", 200, """{"response":{"header":{"resultCode":"10","resultMsg":"최근 3일 간의 자료만 제공합니다."}}}""", "invalid_request" },
        { "KMA 1-day window with code 99", 200, """{"response":{"header":{"resultCode":"99","resultMsg":"최근 1일 간의 자료만 제공합니다."}}}""", "invalid_request" },
        { "gateway 22 as XML under JSON", 200, string.Format(GatewayXml, "22", "LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR"), "quota_exceeded" },
        { "gateway 22 with HTTP 500", 500, string.Format(GatewayXml, "22", "LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR"), "quota_exceeded" },
        { "gateway 30 with HTTP 403", 403, string.Format(GatewayXml, "30", "SERVICE_KEY_IS_NOT_REGISTERED_ERROR"), "key_rejected" },
        { "gateway 30 in Korean, elements reordered", 200, "<OpenAPI_ServiceResponse><cmmMsgHeader><returnReasonCode>30</returnReasonCode><errMsg>SERVICE_KEY_IS_NOT_REGISTERED_ERROR</errMsg><returnAuthMsg>등록되지 않은 서비스키</returnAuthMsg></cmmMsgHeader></OpenAPI_ServiceResponse>", "key_rejected" },
        { "gateway 20 access denied", 200, string.Format(GatewayXml, "20", "SERVICE_ACCESS_DENIED_ERROR"), "key_rejected" },
        { "gateway 31 expired", 200, string.Format(GatewayXml, "31", "DEADLINE_HAS_EXPIRED_ERROR"), "key_rejected" },
        { "gateway 32 unregistered IP", 200, string.Format(GatewayXml, "32", "UNREGISTERED_IP_ERROR"), "key_rejected" },
        { "gateway 12 retired service", 200, string.Format(GatewayXml, "12", "NO_OPENAPI_SERVICE_ERROR"), "invalid_request" },
        { "gateway 1 application error", 200, string.Format(GatewayXml, "01", "APPLICATION_ERROR"), "transient" },
        { "gateway 4 routing error", 200, string.Format(GatewayXml, "4", "HTTP_ERROR"), "transient" },
        { "gateway 99 unknown", 200, string.Format(GatewayXml, "99", "UNKNOWN_ERROR"), "transient" },
        { "gateway as JSON", 200, """{"OpenAPI_ServiceResponse":{"cmmMsgHeader":{"errMsg":"SERVICE ERROR","returnAuthMsg":"LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR","returnReasonCode":"22"}}}""", "quota_exceeded" },
        { "XML envelope", 200, """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><response><header><resultCode>0000</resultCode><resultMsg>OK</resultMsg></header><body><items><item><contentid>1</contentid></item></items><numOfRows>10</numOfRows><pageNo>1</pageNo><totalCount>1</totalCount></body></response>""", "data" },
        { "XML envelope without items", 200, """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><response><header><resultCode>0000</resultCode><resultMsg>OK</resultMsg></header><body><items/><numOfRows>10</numOfRows><pageNo>1</pageNo><totalCount>0</totalCount></body></response>""", "no_data" },
        { "HTML 502", 502, "<html><head><title>502 Bad Gateway</title></head><body>Bad Gateway</body></html>", "transient" },
        { "HTML 503 with doctype", 503, "<!DOCTYPE html><html><body>Service Unavailable</body></html>", "transient" },
        { "truncated JSON", 200, """{"response":{"header":{"resultCode":"0000","resultMsg":"OK"},"body":{"items":{"item":[{"contentid":"1","ti""", "transient" },
        { "truncated XML", 200, "<response><header><resultCode>0000</resu", "transient" },
        { "empty body", 200, "", "transient" },
        { "429 burst", 429, "", "transient" },
        { "plain 404", 404, "Not Found", "invalid_request" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_upstream_shape_has_its_outcome(string shape, int status, string body, string expected)
    {
        var outcome = ResponseClassifier.Classify((HttpStatusCode)status, Encoding.UTF8.GetBytes(body));

        outcome.Name.ShouldBe(expected, $"{shape}: got {outcome}");
    }

    [Fact]
    public void Item_values_stay_strings_and_numbers_become_their_text()
    {
        var body = """{"response":{"header":{"resultCode":"00","resultMsg":"NORMAL_SERVICE"},"body":{"dataType":"JSON","items":{"item":[{"category":"PCP","fcstValue":"1mm 미만","nx":55,"ny":127}]},"pageNo":3,"numOfRows":1000,"totalCount":2580}}}"""u8.ToArray();

        var page = ResponseClassifier.Classify(HttpStatusCode.OK, body).ShouldBeOfType<UpstreamOutcome.Data>().Page;

        page.TotalCount.ShouldBe(2580);
        page.PageNo.ShouldBe(3);
        page.NumOfRows.ShouldBe(1000);
        page.Items.Single()["fcstValue"].ShouldBe("1mm 미만");
        page.Items.Single()["nx"].ShouldBe("55");
    }

    [Fact]
    public void Items_of_one_page_keep_their_own_fields_when_they_differ_in_set_and_order()
    {
        var body = """{"response":{"header":{"resultCode":"0000","resultMsg":"OK"},"body":{"items":{"item":[{"contentid":"1","title":"a","tel":""},{"title":"b","contentid":"2"},{"contentid":"3","title":"c","tel":"02","zipcode":"04524"}]},"numOfRows":3,"pageNo":1,"totalCount":3}}}"""u8.ToArray();

        var items = ResponseClassifier.Classify(HttpStatusCode.OK, body).ShouldBeOfType<UpstreamOutcome.Data>().Page.Items;

        items.Select(i => string.Join(",", i.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"))).ShouldBe(
        [
            "contentid=1,tel=,title=a",
            "contentid=2,title=b",
            "contentid=3,tel=02,title=c,zipcode=04524",
        ]);
    }

    [Fact]
    public void Invalid_request_carries_the_upstream_message()
    {
        var outcome = ResponseClassifier.Classify(HttpStatusCode.OK,
            """{"responseTime":"2026-09-03T16:59:12.891","resultCode":"10","resultMsg":"INVALID_REQUEST_PARAMETER_ERROR(subImageYN)"}"""u8.ToArray());

        outcome.ShouldBeOfType<UpstreamOutcome.InvalidRequest>().Message.ShouldBe("INVALID_REQUEST_PARAMETER_ERROR(subImageYN)");
    }

    [Fact]
    public void A_429_is_marked_rate_limited_with_its_Retry_After()
    {
        var outcome = ResponseClassifier.Classify(HttpStatusCode.TooManyRequests, Array.Empty<byte>(), TimeSpan.FromSeconds(3));

        var transient = outcome.ShouldBeOfType<UpstreamOutcome.Transient>();
        transient.RateLimited.ShouldBeTrue("429 must slow the caller down, not only retry");
        transient.RetryAfter.ShouldBe(TimeSpan.FromSeconds(3));
    }
}
