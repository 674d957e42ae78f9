using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.Alerts;

/// <summary>
/// A chat webhook on loopback: a real HTTP server that keeps every request it is sent (path, content type, JSON body)
/// and answers with the status the test scripts for each request number (200 unless told otherwise).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    /// <summary>Where alerts are posted: a Slack-like path whose last segments are the webhook's secret token.</summary>
    public const string TokenPath = "/services/T0WFTEST/B0WFTEST/s3cr3tW3bh00kT0ken";

    private readonly ScriptedHttpServer _server;
    private readonly ConcurrentQueue<WebhookRequest> _requests;

    private WebhookReceiver(ScriptedHttpServer server, ConcurrentQueue<WebhookRequest> requests)
    {
        _server = server;
        _requests = requests;
    }

    public string Url => new Uri(_server.BaseAddress, TokenPath).ToString();

    /// <summary>Every request received, refused ones included.</summary>
    public IReadOnlyCollection<WebhookRequest> Requests => _requests;

    /// <summary>The messages accepted (answered 2xx), in arrival order.</summary>
    public IReadOnlyList<WebhookRequest> Delivered => [.. _requests.Where(r => r.Status is >= 200 and < 300)];

    /// <param name="status">The status for the n-th request (1-based); null answers 200.</param>
    /// <param name="delay">Time taken before answering (a slow chat service).</param>
    public static async Task<WebhookReceiver> StartAsync(Func<int, int>? status = null, TimeSpan? delay = null)
    {
        var requests = new ConcurrentQueue<WebhookRequest>();
        var server = await ScriptedHttpServer.StartAsync(async (context, number) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            if (delay is { } wait)
            {
                await Task.Delay(wait);
            }
            var code = status?.Invoke(number) ?? StatusCodes.Status200OK;
            requests.Enqueue(new WebhookRequest(number, context.Request.Method, context.Request.Path.Value ?? "", context.Request.ContentType, body, code));
            context.Response.StatusCode = code;
            if (code == StatusCodes.Status503ServiceUnavailable)
            {
                // Retry at once: the standard pipeline honours Retry-After, and the test need not wait out a backoff.
                context.Response.Headers.RetryAfter = "0";
            }
            await context.Response.WriteAsync(code == StatusCodes.Status200OK ? "ok" : "unavailable");
        });
        return new WebhookReceiver(server, requests);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
