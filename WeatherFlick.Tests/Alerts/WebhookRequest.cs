using System.Text.Json;

namespace WeatherFlick.Tests.Alerts;

/// <summary>One request the webhook received.</summary>
public sealed record WebhookRequest(int Number, string Method, string Path, string? ContentType, string Body, int Status)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Text => Json.GetProperty("text").GetString() ?? "";
}
