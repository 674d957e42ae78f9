using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace WeatherFlick.Jobs.Collection.Gateway;

/// <summary>
/// Turns any answer of the data.go.kr services into an <see cref="UpstreamOutcome"/>. The body decides when it is a
/// known envelope, whatever the HTTP status (quota errors arrive as 200, 403 or 500); the status decides otherwise.
/// Shapes known (see shared/reference/public-data-apis.md): the JSON envelope (with <c>items</c> as an array, a single
/// object, <c>""</c> or null), KorService2's flat <c>{resultCode,resultMsg}</c> errors, the header-only KMA errors,
/// the gateway's <c>OpenAPI_ServiceResponse</c> as XML (also under JSON requests) or JSON, the XML envelope, HTML
/// error pages, and truncated bodies.
/// </summary>
public static class ResponseClassifier
{
    public static UpstreamOutcome Classify(HttpStatusCode status, ReadOnlyMemory<byte> body, TimeSpan? retryAfter = null)
    {
        var start = body.Length - TrimStart(body.Span).Length;
        var text = body.Span[start..];
        UpstreamOutcome? fromBody = text.Length == 0 ? null
            : text[0] == (byte)'{' ? FromJson(body[start..])
            : text[0] == (byte)'<' ? FromXml(text)
            : null;

        if (fromBody is not null and not UpstreamOutcome.Transient)
        {
            return fromBody;
        }
        return status switch
        {
            HttpStatusCode.TooManyRequests => new UpstreamOutcome.Transient("HTTP 429 Too Many Requests", RateLimited: true, retryAfter),
            >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout =>
                fromBody ?? new UpstreamOutcome.Transient($"HTTP {(int)status} {Describe(text)}", RetryAfter: retryAfter),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                new UpstreamOutcome.KeyRejected(((int)status).ToString(CultureInfo.InvariantCulture), $"HTTP {(int)status} {Describe(text)}"),
            >= HttpStatusCode.BadRequest =>
                new UpstreamOutcome.InvalidRequest(((int)status).ToString(CultureInfo.InvariantCulture), $"HTTP {(int)status} {Describe(text)}"),
            _ => fromBody ?? new UpstreamOutcome.Transient(text.Length == 0 ? "empty body" : $"unrecognised body: {Describe(text)}"),
        };
    }

    /// <summary>Maps a service or gateway result code (with its message) to an outcome; success codes give null.</summary>
    public static UpstreamOutcome? FromResultCode(string code, string message, int totalCount = 0)
    {
        // The KMA history-window refusal is permanent whatever code it comes with (10, or 99 in one report).
        if (message.Contains("자료만 제공합니다", StringComparison.Ordinal))
        {
            return new UpstreamOutcome.InvalidRequest(code, message);
        }
        var normalized = code.TrimStart('0');
        return normalized switch
        {
            "" => null,                                           // 0, 00, 0000: success
            "3" => new UpstreamOutcome.NoData(code, message, totalCount),
            "10" or "11" or "12" => new UpstreamOutcome.InvalidRequest(code, message),
            "22" => new UpstreamOutcome.QuotaExceeded(code, message),
            "20" or "21" or "30" or "31" or "32" or "33" => new UpstreamOutcome.KeyRejected(code, message),
            _ => new UpstreamOutcome.Transient($"service error {code} {message}".TrimEnd()),
        };
    }

    private static UpstreamOutcome FromJson(ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            // Parsed in place: a 1,000-row page is over half a megabyte, and a copy would land on the large-object heap.
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return new UpstreamOutcome.Transient($"malformed or truncated JSON ({json.Length} bytes): {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new UpstreamOutcome.Transient("JSON body is not an object");
            }
            if (root.TryGetProperty("OpenAPI_ServiceResponse", out var gateway))
            {
                var header = gateway.TryGetProperty("cmmMsgHeader", out var h) ? h : gateway;
                return FromGateway(Text(header, "returnReasonCode"), Text(header, "returnAuthMsg"), Text(header, "errMsg"));
            }
            if (root.TryGetProperty("response", out var response))
            {
                return FromEnvelope(response);
            }
            if (root.TryGetProperty("resultCode", out _))
            {
                // KorService2's flat error: {"responseTime":…,"resultCode":"10","resultMsg":"INVALID_REQUEST_PARAMETER_ERROR(listYN)"}
                return FromResultCode(Text(root, "resultCode"), Text(root, "resultMsg"))
                    ?? new UpstreamOutcome.Transient("flat success body without items");
            }
            return new UpstreamOutcome.Transient("JSON body without a known envelope");
        }
    }

    private static UpstreamOutcome FromEnvelope(JsonElement response)
    {
        var header = response.TryGetProperty("header", out var h) ? h : default;
        var code = header.ValueKind == JsonValueKind.Object ? Text(header, "resultCode") : "";
        var message = header.ValueKind == JsonValueKind.Object ? Text(header, "resultMsg") : "";
        var body = response.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.Object ? b : default;
        var totalCount = body.ValueKind == JsonValueKind.Object ? Number(body, "totalCount") : 0;

        if (code.Length == 0)
        {
            return new UpstreamOutcome.Transient("envelope without a result code");
        }
        if (FromResultCode(code, message, totalCount) is { } failure)
        {
            return failure;
        }
        if (body.ValueKind != JsonValueKind.Object)
        {
            return new UpstreamOutcome.NoData(code, message, 0);
        }

        var items = new List<IReadOnlyDictionary<string, string?>>();
        if (body.TryGetProperty("items", out var container) && container.ValueKind == JsonValueKind.Object
            && container.TryGetProperty("item", out var item))
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.Array:
                    items.Capacity = item.GetArrayLength();
                    var names = new List<string>();
                    foreach (var element in item.EnumerateArray())
                    {
                        if (element.ValueKind == JsonValueKind.Object)
                        {
                            items.Add(ToItem(element, names));
                        }
                    }
                    break;
                case JsonValueKind.Object:
                    // A single item sometimes arrives as a bare object instead of a one-element array.
                    items.Add(ToItem(item, []));
                    break;
            }
        }
        // Otherwise "items" is "", null, {} or missing: the services' ways of saying "nothing".
        if (items.Count == 0)
        {
            return new UpstreamOutcome.NoData(code, message, totalCount);
        }
        return new UpstreamOutcome.Data(new UpstreamPage(items, totalCount, Number(body, "pageNo"), Number(body, "numOfRows")));
    }

    /// <param name="names">
    /// The field names of the page's items so far, in order. Items of a page share their fields, so each name is
    /// allocated once per page instead of once per item: a 1,000-row page has some 30,000 of them.
    /// </param>
    private static Dictionary<string, string?> ToItem(JsonElement element, List<string> names)
    {
        var item = new Dictionary<string, string?>(names.Count, StringComparer.Ordinal);
        var index = 0;
        foreach (var property in element.EnumerateObject())
        {
            string name;
            if (index < names.Count && property.NameEquals(names[index]))
            {
                name = names[index];
            }
            else
            {
                name = property.Name;
                if (index < names.Count)
                {
                    names[index] = name;
                }
                else
                {
                    names.Add(name);
                }
            }
            index++;
            item[name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Null => null,
                _ => property.Value.GetRawText(),
            };
        }
        return item;
    }

    private static UpstreamOutcome FromXml(ReadOnlySpan<byte> xml)
    {
        var head = Encoding.UTF8.GetString(xml[..Math.Min(xml.Length, 512)]);
        if (head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
        {
            return new UpstreamOutcome.Transient($"HTML error page: {Describe(xml)}");
        }
        XDocument document;
        try
        {
            document = XDocument.Parse(Encoding.UTF8.GetString(xml));
        }
        catch (XmlException e)
        {
            return new UpstreamOutcome.Transient($"malformed or truncated XML ({xml.Length} bytes): {e.Message}");
        }
        var root = document.Root!;
        if (root.Name.LocalName == "OpenAPI_ServiceResponse")
        {
            // Element order varies between gateway versions: look each one up by name.
            return FromGateway(Descendant(root, "returnReasonCode"), Descendant(root, "returnAuthMsg"), Descendant(root, "errMsg"));
        }
        if (root.Name.LocalName == "response")
        {
            var code = Descendant(root, "resultCode");
            var message = Descendant(root, "resultMsg");
            _ = int.TryParse(Descendant(root, "totalCount"), CultureInfo.InvariantCulture, out var total);
            if (FromResultCode(code, message, total) is { } failure)
            {
                return failure;
            }
            var items = root.Descendants("item")
                .Select(i => (IReadOnlyDictionary<string, string?>)i.Elements().ToDictionary(e => e.Name.LocalName, e => (string?)e.Value, StringComparer.Ordinal))
                .ToList();
            if (items.Count == 0)
            {
                return new UpstreamOutcome.NoData(code, message, total);
            }
            _ = int.TryParse(Descendant(root, "pageNo"), CultureInfo.InvariantCulture, out var pageNo);
            _ = int.TryParse(Descendant(root, "numOfRows"), CultureInfo.InvariantCulture, out var rows);
            return new UpstreamOutcome.Data(new UpstreamPage(items, total, pageNo, rows));
        }
        return new UpstreamOutcome.Transient($"XML body with unknown root <{root.Name.LocalName}>");
    }

    private static UpstreamOutcome FromGateway(string code, string authMessage, string errorMessage)
    {
        var message = string.Join(" / ", new[] { authMessage, errorMessage }.Where(m => m.Length > 0));
        if (code.Length == 0)
        {
            return new UpstreamOutcome.Transient($"gateway error without a reason code: {message}");
        }
        return FromResultCode(code, message) ?? new UpstreamOutcome.Transient($"gateway answered code {code}: {message}");
    }

    private static string Descendant(XElement root, string name) =>
        root.Descendants(name).FirstOrDefault()?.Value.Trim() ?? "";

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText()
            : "";

    private static int Number(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return 0;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }
        return value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
    }

    private static ReadOnlySpan<byte> TrimStart(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }
        var start = 0;
        while (start < body.Length && body[start] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t')
        {
            start++;
        }
        return body[start..];
    }

    /// <summary>A short, single-line excerpt of a body for messages (bodies never contain the key).</summary>
    private static string Describe(ReadOnlySpan<byte> body)
    {
        var excerpt = Encoding.UTF8.GetString(body[..Math.Min(body.Length, 160)]);
        return string.Join(' ', excerpt.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
    }
}
