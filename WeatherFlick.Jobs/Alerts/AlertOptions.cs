using System.ComponentModel.DataAnnotations;

namespace WeatherFlick.Jobs.Alerts;

/// <summary>Where alerts go and how often one problem is repeated (<c>Alerts</c>).</summary>
public sealed class AlertOptions : IValidatableObject
{
    public const string Section = "Alerts";

    /// <summary>
    /// A Slack-compatible incoming webhook; empty sends alerts to the log only. Its path is a secret (Slack's token is
    /// in it): set it through user-secrets or the environment (<c>Alerts__WebhookUrl</c>), never in a file.
    /// </summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The same alert key is sent once per window, across job-server instances and restarts.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan DedupeWindow { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Jobs whose latest run started longer ago than this are not checked (retired or renamed jobs fall silent).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan RunLookback { get; set; } = TimeSpan.FromDays(8);

    /// <summary>The webhook to post to, or null when none is configured (or the setting is invalid, which stops the start).</summary>
    public Uri? Webhook =>
        Uri.TryCreate(WebhookUrl?.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) ? url : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(WebhookUrl) && Webhook is null)
        {
            // The value is not repeated: it may carry the webhook's token.
            yield return new ValidationResult("Alerts:WebhookUrl must be an absolute http or https URL, or empty to log alerts only.", [nameof(WebhookUrl)]);
        }
    }
}
