namespace WeatherFlick.Simulator.Gateway;

/// <summary>The data.go.kr gateway's own errors (returnReasonCode and returnAuthMsg), answered before or instead of the service.</summary>
internal sealed record GatewayError(string Code, string AuthMessage, string ErrorMessage, string KoreanMessage)
{
    public static readonly GatewayError ApplicationError = new("1", "APPLICATION_ERROR", "SERVICE ERROR", "어플리케이션 에러");
    public static readonly GatewayError HttpError = new("4", "HTTP_ERROR", "HTTP ROUTING ERROR", "HTTP 에러");
    public static readonly GatewayError NoOpenApiService = new("12", "NO_OPENAPI_SERVICE_ERROR", "SERVICE ERROR", "해당 오픈API서비스가 없거나 폐기됨");
    public static readonly GatewayError QuotaExceeded = new("22", "LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR", "SERVICE ERROR", "서비스 요청제한횟수 초과에러");
    public static readonly GatewayError KeyNotRegistered = new("30", "SERVICE_KEY_IS_NOT_REGISTERED_ERROR", "SERVICE ERROR", "등록되지 않은 서비스키");
    public static readonly GatewayError UnknownError = new("99", "UNKNOWN_ERROR", "SERVICE ERROR", "기타에러");

    public const string ContentType = "text/xml;charset=UTF-8";

    /// <summary>
    /// The <c>OpenAPI_ServiceResponse</c> body. It is XML whatever <c>_type</c>/<c>dataType</c> asked for, because the
    /// gateway answers before the service reads the request.
    /// </summary>
    public string Render(string variant) => variant switch
    {
        "Reordered" => Document(Line("returnReasonCode", Code) + Line("returnAuthMsg", AuthMessage) + Line("errMsg", ErrorMessage)),
        "Korean" => Document(Line("errMsg", AuthMessage) + Line("returnAuthMsg", KoreanMessage) + Line("returnReasonCode", Code)),
        _ => Document(Line("errMsg", ErrorMessage) + Line("returnAuthMsg", AuthMessage) + Line("returnReasonCode", Code)),
    };

    private static string Document(string lines) =>
        $"<OpenAPI_ServiceResponse>\n\t<cmmMsgHeader>\n{lines}\t</cmmMsgHeader>\n</OpenAPI_ServiceResponse>";

    private static string Line(string name, string value) => $"\t\t<{name}>{value}</{name}>\n";
}
