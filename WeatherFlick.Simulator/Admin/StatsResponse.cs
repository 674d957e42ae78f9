namespace WeatherFlick.Simulator.Admin;

/// <summary><c>GET /_sim/stats</c>.</summary>
internal sealed record StatsResponse(IReadOnlyList<CallCount> Calls, RejectionCounts Rejections, long Faults, int PeakConcurrency);
