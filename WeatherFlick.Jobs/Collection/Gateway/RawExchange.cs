namespace WeatherFlick.Jobs.Collection.Gateway;

/// <summary>One request and its answer as archived: the request with the key redacted, never the key itself.</summary>
public sealed record RawExchange(
    string Provider,
    string Operation,
    string RedactedRequest,
    string? KeyFingerprint,
    int? HttpStatus,
    string Outcome,
    int Attempt,
    TimeSpan Duration,
    ReadOnlyMemory<byte> Body,
    string? ContentType,
    DateTimeOffset FetchedAt,
    DateTimeOffset ExpiresAt);
