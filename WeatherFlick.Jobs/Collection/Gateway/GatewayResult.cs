namespace WeatherFlick.Jobs.Collection.Gateway;

/// <summary>
/// What a gateway call produced: the upstream outcome and where it is archived (<see cref="RawResponseId"/> goes
/// with every row parsed from it), or <see cref="WaitingForQuota"/> when no key may call before <see cref="ResumeAt"/>.
/// </summary>
public sealed record GatewayResult(UpstreamOutcome? Outcome, long? RawResponseId, string? KeyFingerprint, int Attempts, bool FromCache, DateTimeOffset? ResumeAt)
{
    public bool WaitingForQuota => ResumeAt is not null;

    public static GatewayResult QuotaWait(DateTimeOffset resumeAt, int attempts) => new(null, null, null, attempts, false, resumeAt);
}
