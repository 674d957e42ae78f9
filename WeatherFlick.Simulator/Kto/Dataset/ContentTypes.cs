namespace WeatherFlick.Simulator.Kto.Dataset;

/// <summary>The eight Korean-service content types, weighted roughly like the real catalogue (restaurants dominate).</summary>
public static class ContentTypes
{
    public static IReadOnlyList<ContentType> All { get; } =
    [
        new(12, "관광지", 15), new(14, "문화시설", 7), new(15, "축제공연행사", 4), new(25, "여행코스", 2),
        new(28, "레포츠", 6), new(32, "숙박", 10), new(38, "쇼핑", 9), new(39, "음식점", 47),
    ];
}
