using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace WeatherFlick.Tests.Simulator;

/// <summary>An HTTP answer kept as bytes (for byte-identity checks) with parsing helpers.</summary>
public sealed record SimResponse(HttpStatusCode Status, string? ContentType, byte[] Bytes)
{
    public string Body => Encoding.UTF8.GetString(Bytes);

    public JsonElement Json => JsonDocument.Parse(Bytes).RootElement;

    public XDocument Xml => XDocument.Parse(Body);

    /// <summary><c>response.body</c> of a JSON envelope.</summary>
    public JsonElement JsonBody => Json.GetProperty("response").GetProperty("body");

    public string ResultCode => Json.GetProperty("response").GetProperty("header").GetProperty("resultCode").GetString()!;

    public JsonElement[] Items
    {
        get
        {
            var items = JsonBody.GetProperty("items");
            if (items.ValueKind == JsonValueKind.String)
            {
                return [];
            }
            var item = items.GetProperty("item");
            return item.ValueKind == JsonValueKind.Array ? [.. item.EnumerateArray()] : [item];
        }
    }

    /// <summary>Gateway XML: <c>returnReasonCode</c> of an <c>OpenAPI_ServiceResponse</c>.</summary>
    public string? GatewayCode => Body.TrimStart().StartsWith("<OpenAPI_ServiceResponse", StringComparison.Ordinal)
        ? Xml.Root!.Element("cmmMsgHeader")!.Element("returnReasonCode")!.Value
        : null;

    public static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(property => property.Name)];
}
