namespace WeatherFlick.Simulator.Admin;

/// <summary><c>GET /_sim/clock</c>: now in KST and UTC.</summary>
internal sealed record ClockResponse(DateTimeOffset Now, DateTimeOffset Utc, bool Frozen, DateTimeOffset Start);
