namespace WeatherFlick.Jobs.Recommendations;

/// <summary>
/// The activity profiles and which one a destination gets from its content type and category. The legacy
/// cat1/cat2/cat3 codes are read first (KTO's own, documented leaves such as A01011200 해수욕장); the lclsSystm codes
/// stand in at their top levels, since KorService2 marks the cat codes for deletion.
/// </summary>
public static class ActivityProfiles
{
    public static ActivityProfile Nature { get; } = new("nature", "자연 관광", 10, 11, 24, RainWeight: 6, TemperatureWeight: 5, WindWeight: 3.5, HumidityWeight: 1, SkyWeight: 1);
    public static ActivityProfile Outdoor { get; } = new("outdoor", "야외 관광", 10, 12, 25, RainWeight: 5.5, TemperatureWeight: 4.5, WindWeight: 3.2, HumidityWeight: 1, SkyWeight: 0.6);
    public static ActivityProfile Walking { get; } = new("walking", "걷기 여행", 10, 11, 23, RainWeight: 6, TemperatureWeight: 5.5, WindWeight: 3.5, HumidityWeight: 1.5, SkyWeight: 0.5);
    public static ActivityProfile Active { get; } = new("active", "레포츠", 10, 12, 24, RainWeight: 6, TemperatureWeight: 4.5, WindWeight: 4, HumidityWeight: 1, SkyWeight: 0.3);
    public static ActivityProfile Water { get; } = new("water", "물놀이·수상 레포츠", 10, 25, 32, RainWeight: 5, TemperatureWeight: 6, WindWeight: 4, HumidityWeight: 0.3, SkyWeight: 1);
    public static ActivityProfile Winter { get; } = new("winter", "겨울 스포츠", 10, -10, 3, RainWeight: 5, TemperatureWeight: 6, WindWeight: 3, HumidityWeight: 0, SkyWeight: 0.3, SnowFriendly: true);
    public static ActivityProfile Festival { get; } = new("festival", "축제·야외 행사", 10, 15, 27, RainWeight: 7, TemperatureWeight: 4, WindWeight: 3.5, HumidityWeight: 1, SkyWeight: 0.5);
    public static ActivityProfile Indoor { get; } = new("indoor", "실내 관람·활동", 8, 5, 28, RainWeight: 0.5, TemperatureWeight: 0.3, WindWeight: 0.5, HumidityWeight: 0, SkyWeight: 0, ShelterBonus: 1.5);
    public static ActivityProfile Lodging { get; } = new("lodging", "숙박", 8.3, 5, 28, RainWeight: 0.8, TemperatureWeight: 0.5, WindWeight: 0.5, HumidityWeight: 0.3, SkyWeight: 0.2);

    public static IReadOnlyList<ActivityProfile> All { get; } = [Nature, Outdoor, Walking, Active, Water, Winter, Festival, Indoor, Lodging];

    /// <summary>The profile of a destination (content type 12 관광지, 14 문화시설, 15 축제, 25 코스, 28 레포츠, 32 숙박, 38 쇼핑, 39 음식점).</summary>
    public static ActivityProfile For(int contentTypeId, string? cat1, string? cat2, string? cat3, string? lcls1, string? lcls2) => contentTypeId switch
    {
        12 when cat3 == "A01011200" => Water,                                   // 해수욕장
        12 when cat3 is "A01011900" or "A02020300" => Indoor,                   // 동굴, 온천/스파: the weather stays outside
        12 when cat1 == "A01" || string.IsNullOrEmpty(cat1) && lcls1 == "NA" => Nature,
        12 => Outdoor,
        14 => Indoor,
        15 => Festival,
        25 => Walking,
        28 when cat2 == "A0303" || string.IsNullOrEmpty(cat2) && lcls2 == "LS02" => Water,   // 수상 레포츠
        28 when cat3 == "A03021200" => Winter,                                  // 스키/스노보드
        28 when cat3 == "A03021700" => Nature,                                  // 야영장: camping lives with the sky
        28 => Active,
        32 => Lodging,
        38 when cat3 == "A04010100" => Outdoor,                                 // 5일장: an open-air market
        38 => Indoor,
        39 => Indoor,
        _ => Outdoor,
    };
}
