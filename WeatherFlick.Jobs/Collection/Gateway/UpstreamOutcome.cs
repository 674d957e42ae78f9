namespace WeatherFlick.Jobs.Collection.Gateway;

/// <summary>What an upstream answer means for the caller: a closed set, switched over, never thrown.</summary>
public abstract record UpstreamOutcome
{
    private UpstreamOutcome()
    {
    }

    /// <summary>Items (at least one).</summary>
    public sealed record Data(UpstreamPage Page) : UpstreamOutcome;

    /// <summary>A successful answer with nothing in it: <c>"items":""</c>, a page past the end, or NO_DATA (03).</summary>
    public sealed record NoData(string Code, string Message, int TotalCount) : UpstreamOutcome;

    /// <summary>The key's daily quota for this operation is spent (gateway 22): usable again at 00:00 KST.</summary>
    public sealed record QuotaExceeded(string Code, string Message) : UpstreamOutcome;

    /// <summary>The key itself is refused (20, 21, 30, 31, 32, 33): an operator must act.</summary>
    public sealed record KeyRejected(string Code, string Message) : UpstreamOutcome;

    /// <summary>The request is wrong and will stay wrong (10, 11, 12, history window): fail the partition with the message.</summary>
    public sealed record InvalidRequest(string Code, string Message) : UpstreamOutcome;

    /// <summary>Worth another attempt later: 5xx, 429, gateway 1/4/99, HTML pages, truncated bodies.</summary>
    public sealed record Transient(string Reason, bool RateLimited = false, TimeSpan? RetryAfter = null) : UpstreamOutcome;

    /// <summary>The short name stored with the raw response and used as a metric tag.</summary>
    public string Name => this switch
    {
        Data => "data",
        NoData => "no_data",
        QuotaExceeded => "quota_exceeded",
        KeyRejected => "key_rejected",
        InvalidRequest => "invalid_request",
        Transient => "transient",
        _ => throw new InvalidOperationException("Unknown outcome."),
    };
}
