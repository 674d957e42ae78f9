namespace WeatherFlick.Simulator.Admin;

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
