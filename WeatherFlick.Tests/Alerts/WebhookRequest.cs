using System.Text.Json;

namespace WeatherFlick.Tests.Alerts;

/// <summary>One request the webhook received.</summary>
public sealed record WebhookRequest(int Number, string Method, string Path, string? ContentType, string Body, int Status)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Text => Json.GetProperty("text").GetString() ?? "";

    /// <summary>Every string in the message, unescaped (the raw body escapes characters such as + as \u002B).</summary>
    public string AllText => string.Join("\n", Strings(Json));

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
