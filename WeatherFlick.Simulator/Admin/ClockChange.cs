namespace WeatherFlick.Simulator.Admin;

/// <summary>
/// <c>POST/PUT /_sim/clock</c>: set <see cref="Now"/> (ISO 8601; without an offset it is read as KST) or
/// <see cref="Advance"/> by a duration ("01:30:00", "1.00:00:00" or ISO "PT90M"), optionally freezing the clock.
/// </summary>
internal sealed record ClockChange(string? Now, string? Advance, bool? Frozen);
