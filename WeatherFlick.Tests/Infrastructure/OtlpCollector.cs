using System.Collections.Concurrent;

namespace WeatherFlick.Tests.Infrastructure;

/// <summary>An OTLP/HTTP endpoint on loopback that keeps every span exported to it (decoded by <see cref="OtlpTraceDecoder"/>).</summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly ConcurrentQueue<OtlpSpan> _spans = new();
    private readonly ConcurrentQueue<byte[]> _payloads = new();
    private ScriptedHttpServer _server = null!;

    private OtlpCollector()
    {
    }

    /// <summary>The value for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (with <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>).</summary>
    public string Endpoint => _server.BaseAddress.ToString().TrimEnd('/');

    public IReadOnlyCollection<OtlpSpan> Spans => _spans;

    /// <summary>Every request body received (traces, logs and metrics), to search for text that must never be exported.</summary>
    public IReadOnlyCollection<byte[]> Payloads => _payloads;

    public static async Task<OtlpCollector> StartAsync()
    {
        var collector = new OtlpCollector();
        collector._server = await ScriptedHttpServer.StartAsync(async (context, _) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            collector._payloads.Enqueue(body.ToArray());
            if (context.Request.Path == "/v1/traces")
            {
                foreach (var span in OtlpTraceDecoder.Decode(body.ToArray()))
                {
                    collector._spans.Enqueue(span);
                }
            }
            context.Response.ContentType = "application/x-protobuf";
        });
        return collector;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
