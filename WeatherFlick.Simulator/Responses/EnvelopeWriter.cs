namespace WeatherFlick.Simulator.Responses;

/// <summary>
/// Writes the <c>response/header/body/items/item</c> envelope shared by KTO and KMA, in JSON or XML, field by field
/// in the order the caller writes them. Types are explicit: <see cref="Text"/> is a JSON string, <see cref="Number"/>
/// a JSON number, because the real services mix the two in a fixed way that clients depend on.
/// </summary>
internal abstract class EnvelopeWriter(PooledBufferWriter output)
{
    protected PooledBufferWriter Output { get; } = output;

    public static EnvelopeWriter Create(ResponseFormat format, PooledBufferWriter output) =>
        format == ResponseFormat.Json ? new JsonEnvelopeWriter(output) : new XmlEnvelopeWriter(output);

    public abstract string ContentType { get; }

    /// <summary>Opens the document and writes the header.</summary>
    public abstract void BeginResponse(string resultCode, string resultMessage);

    public abstract void BeginBody();

    /// <summary>Opens <c>items</c>; with <paramref name="singleObject"/> the one row is written as a bare object.</summary>
    public abstract void BeginItems(bool singleObject);

    public abstract void BeginItem();

    public abstract void Text(string name, string value);

    public abstract void Number(string name, long value);

    public abstract void EndItem();

    public abstract void EndItems();

    /// <summary>An empty result: <c>"items":""</c> (or <c>null</c>) in JSON, an empty element in XML.</summary>
    public abstract void EmptyItems(bool asNull);

    public abstract void EndBody();

    /// <summary>Closes the document and flushes everything into the output buffer.</summary>
    public abstract void EndResponse();
}
