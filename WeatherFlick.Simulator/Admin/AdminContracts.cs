namespace WeatherFlick.Simulator.Admin;

/// <summary><c>GET /_sim/stats</c>.</summary>
internal sealed record StatsResponse(IReadOnlyList<CallCount> Calls, RejectionCounts Rejections, long Faults, int PeakConcurrency);

/// <summary>Calls charged to a key (fingerprint) for one operation on one KST day.</summary>
internal sealed record CallCount(string Key, string Operation, DateOnly Day, int Count);

internal sealed record RejectionCounts(long Quota, long Rate, long Key, long Params);

/// <summary><c>GET /_sim/clock</c>: now in KST and UTC.</summary>
internal sealed record ClockResponse(DateTimeOffset Now, DateTimeOffset Utc, bool Frozen, DateTimeOffset Start);

/// <summary>
/// <c>POST/PUT /_sim/clock</c>: set <see cref="Now"/> (ISO 8601; without an offset it is read as KST) or
/// <see cref="Advance"/> by a duration ("01:30:00", "1.00:00:00" or ISO "PT90M"), optionally freezing the clock.
/// </summary>
internal sealed record ClockChange(string? Now, string? Advance, bool? Frozen);

/// <summary><c>GET /_sim/config</c> and the body of <c>PUT /_sim/config</c> (every field optional when putting).</summary>
internal sealed record ConfigDocument(
    int? LatencyMs,
    int? LatencyJitterMs,
    double? FaultRate,
    Dictionary<string, int>? FaultWeights,
    int? SlowMs,
    int? HangSeconds,
    QuotaDocument? DailyQuota,
    Dictionary<string, QuotaDocument?>? KeyQuotas,
    double? RatePerSecond,
    int? RateBurst);

internal sealed record QuotaDocument(int? Kto, int? Kma);

/// <summary><c>GET /_sim/dataset/summary</c>: what the catalogue holds now.</summary>
internal sealed record DatasetSummary(
    long Seed,
    int Size,
    DateTimeOffset Epoch,
    DateTimeOffset Now,
    int Listed,
    int Deleted,
    int Created,
    int Modified,
    IReadOnlyList<AreaSummary> Areas);

internal sealed record AreaSummary(int AreaCode, string Name, int Count, IReadOnlyDictionary<string, int> ContentTypes);
