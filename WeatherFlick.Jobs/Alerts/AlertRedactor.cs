using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WeatherFlick.Jobs.Collection.Gateway;

namespace WeatherFlick.Jobs.Alerts;

/// <summary>
/// The last guard before an alert or a delivery error leaves the process: run errors and key reasons are free text
/// (some of it echoed from upstream), so every configured service key becomes its fingerprint, any serviceKey
/// query value is dropped, and the webhook's URL (its path is the token) is never repeated.
/// </summary>
public sealed partial class AlertRedactor(IOptionsMonitor<ProviderOptions> providers, IOptions<AlertOptions> options)
{
    private const string Webhook = "[webhook]";

    public Alert Redact(Alert alert) => alert with { Key = Redact(alert.Key), Title = Redact(alert.Title), Text = Redact(alert.Text) };

    public string Redact(string text)
    {
        foreach (var provider in CollectionHostingExtensions.Providers)
        {
            foreach (var configured in providers.Get(provider).Keys.Where(k => !string.IsNullOrWhiteSpace(k)))
            {
                text = new ApiKey(configured).RedactIn(text);
            }
        }
        if (options.Value.Webhook is { } webhook)
        {
            text = text.Replace(options.Value.WebhookUrl!.Trim(), Webhook, StringComparison.OrdinalIgnoreCase)
                .Replace(webhook.AbsoluteUri, Webhook, StringComparison.OrdinalIgnoreCase);
            if (webhook.AbsolutePath.Length > 1)
            {
                text = text.Replace(webhook.AbsolutePath, Webhook, StringComparison.OrdinalIgnoreCase);
            }
        }
        return ServiceKeyParameter().Replace(text, "serviceKey=REDACTED");
    }

    [GeneratedRegex("""serviceKey=[^&\s"'<>]+""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ServiceKeyParameter();
}
