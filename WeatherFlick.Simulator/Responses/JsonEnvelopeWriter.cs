using System.Text.Encodings.Web;
using System.Text.Json;

namespace WeatherFlick.Simulator.Responses;

/// <summary>Compact JSON as the services send it: UTF-8 Korean unescaped, no whitespace.</summary>
internal sealed class JsonEnvelopeWriter(PooledBufferWriter output) : EnvelopeWriter(output)
{
    public static readonly JsonWriterOptions Options = new()
    {
        // The services send Hangul and HTML (<br>, <a href>) as plain UTF-8, not \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
    };

    private readonly Utf8JsonWriter _json = new(output, Options);
    private bool _single;

    public override string ContentType => "application/json;charset=UTF-8";

    public override void BeginResponse(string resultCode, string resultMessage)
    {
        _json.WriteStartObject();
        _json.WriteStartObject("response");
        _json.WriteStartObject("header");
        _json.WriteString("resultCode", resultCode);
        _json.WriteString("resultMsg", resultMessage);
        _json.WriteEndObject();
    }

    public override void BeginBody() => _json.WriteStartObject("body");

    public override void BeginItems(bool singleObject)
    {
        _single = singleObject;
        _json.WriteStartObject("items");
        if (!singleObject)
        {
            _json.WriteStartArray("item");
        }
    }

    public override void BeginItem()
    {
        if (_single)
        {
            _json.WriteStartObject("item");
        }
        else
        {
            _json.WriteStartObject();
        }
    }

    public override void Text(string name, string value) => _json.WriteString(name, value);

    public override void Number(string name, long value) => _json.WriteNumber(name, value);

    public override void EndItem() => _json.WriteEndObject();

    public override void EndItems()
    {
        if (!_single)
        {
            _json.WriteEndArray();
        }
        _json.WriteEndObject();
    }

    public override void EmptyItems(bool asNull)
    {
        if (asNull)
        {
            _json.WriteNull("items");
        }
        else
        {
            _json.WriteString("items", "");
        }
    }

    public override void EndBody() => _json.WriteEndObject();

    public override void EndResponse()
    {
        _json.WriteEndObject();
        _json.WriteEndObject();
        _json.Flush();
        _json.Dispose();
    }
}
