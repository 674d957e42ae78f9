using WeatherFlick.Simulator.Responses;

namespace WeatherFlick.Simulator.Gateway;

/// <summary>A complete service body (always HTTP 200, as both services answer even their errors), owned until disposed.</summary>
internal sealed class ServiceAnswer(PooledBufferWriter body, string contentType, AnswerKind kind) : IDisposable
{
    public PooledBufferWriter Body { get; } = body;

    public string ContentType { get; } = contentType;

    public AnswerKind Kind { get; } = kind;

    /// <summary>A wrapped, header-only answer such as <c>{"response":{"header":{"resultCode":"03","resultMsg":"NO_DATA"}}}</c>.</summary>
    public static ServiceAnswer HeaderOnly(ResponseFormat format, string code, string message, AnswerKind kind)
    {
        var body = new PooledBufferWriter(512);
        var writer = EnvelopeWriter.Create(format, body);
        writer.BeginResponse(code, message);
        writer.EndResponse();
        return new ServiceAnswer(body, writer.ContentType, kind);
    }

    public void Dispose() => Body.Dispose();
}
