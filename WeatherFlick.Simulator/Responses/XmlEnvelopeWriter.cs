using System.Globalization;

namespace WeatherFlick.Simulator.Responses;

/// <summary>The services' XML: a standalone declaration, no whitespace, empty values as <c>&lt;x&gt;&lt;/x&gt;</c>.</summary>
internal sealed class XmlEnvelopeWriter(PooledBufferWriter output) : EnvelopeWriter(output)
{
    public const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";

    public override string ContentType => "text/xml;charset=UTF-8";

    public override void BeginResponse(string resultCode, string resultMessage)
    {
        Raw(Declaration);
        Raw("<response><header>");
        Element("resultCode", resultCode);
        Element("resultMsg", resultMessage);
        Raw("</header>");
    }

    public override void BeginBody() => Raw("<body>");

    public override void BeginItems(bool singleObject) => Raw("<items>");

    public override void BeginItem() => Raw("<item>");

    public override void Text(string name, string value) => Element(name, value);

    public override void Number(string name, long value) => Element(name, value.ToString(CultureInfo.InvariantCulture));

    public override void EndItem() => Raw("</item>");

    public override void EndItems() => Raw("</items>");

    public override void EmptyItems(bool asNull) => Raw("<items></items>");

    public override void EndBody() => Raw("</body>");

    public override void EndResponse() => Raw("</response>");

    private void Element(string name, string value)
    {
        Raw("<"); Raw(name); Raw(">");
        Escaped(value);
        Raw("</"); Raw(name); Raw(">");
    }

    private void Raw(string text) => Utf8Text.Write(Output, text);

    private void Escaped(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var replacement = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => null,
            };
            if (replacement is null)
            {
                continue;
            }
            Utf8Text.Write(Output, text.AsSpan(start, i - start));
            Raw(replacement);
            start = i + 1;
        }
        Utf8Text.Write(Output, text.AsSpan(start));
    }
}
