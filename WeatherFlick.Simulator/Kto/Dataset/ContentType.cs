namespace WeatherFlick.Simulator.Kto.Dataset;

/// <summary>A KorService2 content type (12 관광지 … 39 음식점) and its share of the catalogue.</summary>
public sealed record ContentType(int Id, string Name, double Weight);
