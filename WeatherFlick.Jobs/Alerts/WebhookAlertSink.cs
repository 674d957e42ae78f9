using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OpenTelemetry;

namespace WeatherFlick.Jobs.Alerts;

/// <summary>
/// POSTs each alert as a Slack-compatible message (<c>text</c> for notifications and clients without blocks, plus
/// header, section and context blocks) to <c>Alerts:WebhookUrl</c>, through the standard resilience pipeline. Does
/// nothing when no webhook is configured.
/// </summary>
public sealed class WebhookAlertSink(IHttpClientFactory httpClients, IOptions<AlertOptions> options) : IAlertSink
{
    /// <summary>The named HttpClient: standard resilience, no request logging (the URL is a secret).</summary>
    public const string HttpClientName = "alerts";

    // Slack's limits: 150 characters in a header, 3,000 in a section.
    private const int HeaderLimit = 150;
    private const int SectionLimit = 3000;

    public async Task SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        if (options.Value.Webhook is not { } webhook)
        {
            return;
        }
        var client = httpClients.CreateClient(HttpClientName);
        using var content = JsonContent.Create(Message(alert));
        HttpResponseMessage response;
        // The HTTP client's span records url.full, and the path is the webhook's token: keep that span out of traces.
        using (SuppressInstrumentationScope.Begin())
        {
            response = await client.PostAsync(webhook, content, cancellationToken).ConfigureAwait(false);
        }
        using (response)
        {
            // The status only: HttpRequestException's message names neither the URL nor the body.
            response.EnsureSuccessStatusCode();
        }
    }

    internal static JsonObject Message(Alert alert) => new()
    {
        ["text"] = Escape($"{alert.Title}: {alert.Text}"),
        ["blocks"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "header",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Cut(alert.Title, HeaderLimit) },
            },
            new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Cut(Escape(alert.Text), SectionLimit) },
            },
            new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = Escape($"WeatherFlick alert {alert.Key}") }),
            }),
    };

    /// <summary>Slack reads &amp;, &lt; and &gt; as markup in mrkdwn text.</summary>
    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Cut(string text, int limit) => text.Length <= limit ? text : string.Concat(text.AsSpan(0, limit - 1), "…");
}
