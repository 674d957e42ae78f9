using System.Diagnostics;
using System.Text;
using OpenTelemetry;

namespace WeatherFlick.ServiceDefaults.Telemetry;

/// <summary>
/// Replaces the values of secret query parameters in a span's URL tags when the span ends, before any exporter sees
/// it. The data.go.kr service key travels in the query string (<c>serviceKey=…</c>), and redaction by others is not
/// to be relied on: in Development the Aspire AppHost turns the instrumentation's query redaction off
/// (<c>OTEL_DOTNET_EXPERIMENTAL_*_DISABLE_URL_QUERY_REDACTION=true</c>), so server spans (the simulator's) carry the
/// query as received, and .NET's own cut of client URLs to <c>?*</c> is one variable away from off
/// (<c>DOTNET_SYSTEM_NET_HTTP_DISABLEURIREDACTION</c>). Other parameters stay readable: they make a trace useful.
/// </summary>
internal sealed class SecretQueryRedaction : BaseProcessor<Activity>
{
    public const string Redacted = "REDACTED";

    /// <summary>data.go.kr's <c>serviceKey</c>, and <c>authKey</c> of KMA's API hub, which serves the same data.</summary>
    public static readonly IReadOnlyList<string> DefaultParameters = ["serviceKey", "authKey"];

    // Current semantic conventions first; http.url and http.target are the older names some sources still write.
    private static readonly string[] UrlTags = ["url.full", "url.query", "http.url", "http.target"];

    private readonly string[] _parameters;

    public SecretQueryRedaction() : this(DefaultParameters)
    {
    }

    public SecretQueryRedaction(IEnumerable<string> parameters) => _parameters = [.. parameters];

    public override void OnEnd(Activity data)
    {
        foreach (var tag in UrlTags)
        {
            if (data.GetTagItem(tag) is string value)
            {
                var redacted = Redact(value, queryOnly: tag == "url.query");
                if (!ReferenceEquals(redacted, value))
                {
                    data.SetTag(tag, redacted);
                }
            }
        }
    }

    /// <summary>
    /// The value with every secret parameter's value replaced, or the same instance when there is nothing to replace.
    /// </summary>
    /// <param name="queryOnly">The value is a query string (with or without its <c>?</c>), not a URL.</param>
    public string Redact(string value, bool queryOnly)
    {
        int start;
        if (queryOnly)
        {
            start = value.StartsWith('?') ? 1 : 0;
        }
        else
        {
            var question = value.IndexOf('?', StringComparison.Ordinal);
            if (question < 0)
            {
                return value;
            }
            start = question + 1;
        }
        var fragment = value.IndexOf('#', start);
        var end = fragment < 0 ? value.Length : fragment;

        StringBuilder? result = null;
        var copied = 0;
        for (var position = start; position <= end;)
        {
            var next = value.IndexOf('&', position, end - position);
            if (next < 0)
            {
                next = end;
            }
            var equals = value.IndexOf('=', position, next - position);
            if (equals > position && IsSecret(value.AsSpan(position, equals - position)))
            {
                result ??= new StringBuilder(value.Length);
                result.Append(value, copied, equals + 1 - copied).Append(Redacted);
                copied = next;
            }
            position = next + 1;
        }
        if (result is null)
        {
            return value;
        }
        return result.Append(value, copied, value.Length - copied).ToString();
    }

    private bool IsSecret(ReadOnlySpan<char> name)
    {
        // A name may arrive percent-encoded (%73erviceKey, serviceK%65y) and still be read as serviceKey by the server.
        var decoded = name.Contains('%') ? Uri.UnescapeDataString(name.ToString()).AsSpan() : name;
        foreach (var parameter in _parameters)
        {
            if (decoded.Equals(parameter, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
