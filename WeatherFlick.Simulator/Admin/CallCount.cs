namespace WeatherFlick.Simulator.Admin;

/// <summary>Calls charged to a key (fingerprint) for one operation on one KST day.</summary>
internal sealed record CallCount(string Key, string Operation, DateOnly Day, int Count);
