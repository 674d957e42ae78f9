namespace WeatherFlick.Simulator.Kma;

/// <summary>One item: a category's value, for a forecast time (null for the now-cast, which has obsrValue instead).</summary>
internal readonly record struct KmaRow(string Category, DateTimeOffset? ForecastTime, string Value);
