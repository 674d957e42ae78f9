namespace WeatherFlick.Simulator.Admin;

internal sealed record QuotaDocument(int? Kto, int? Kma);
