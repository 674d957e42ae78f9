namespace WeatherFlick.Simulator.Admin;

internal sealed record AreaSummary(int AreaCode, string Name, int Count, IReadOnlyDictionary<string, int> ContentTypes);
