using System.Globalization;
using WeatherFlick.Simulator.Clock;
using WeatherFlick.Simulator.Determinism;
using WeatherFlick.Simulator.Geography;

namespace WeatherFlick.Simulator.Kto.Dataset;

/// <summary>
/// The text of a destination, derived from its variant: the same destination always reads the same. Text fields
/// carry HTML as the real ones do (<c>&lt;br&gt;</c> in overview and tel, an anchor in homepage).
/// </summary>
internal static class DestinationText
{
    public static string Title(Category category, Area area, Sigungu district, ulong variant)
    {
        var random = new SeededRandom(variant ^ 0x7171);
        var root = random.Pick(KoreanWords.Roots);
        var place = ShortName(district);
        var word = category.TitleWord;
        return category.ContentTypeId switch
        {
            12 => word switch
            {
                "사" or "산" or "궁" => root + word,
                "섬" => root + "도",
                "동굴" => root + "굴",
                _ => random.Chance(0.5) ? $"{place} {root}{word}" : root + word,
            },
            14 => random.NextDouble() switch { < 0.05 => $"국립{place}{word}", < 0.5 => place + word, _ => $"{place} {root}{word}" },
            15 => (random.Chance(0.4) ? $"제{random.Next(2, 40)}회 " : "") + $"{place} {random.Pick(KoreanWords.FestivalThemes)}{word}",
            25 => random.Chance(0.5) ? $"{place} {random.Pick(KoreanWords.CourseThemes)} {word}" : $"{place}에서 즐기는 {random.Pick(KoreanWords.CourseThemes)} {word}",
            28 => random.Chance(0.5) ? $"{root} {word}" : $"{place} {root}{word}",
            32 => word switch
            {
                "호텔" => random.Chance(0.5) ? $"{root}호텔" : $"호텔 {root} {place}",
                "리조트" => $"{root} 리조트 {place}",
                _ => random.Chance(0.5) ? root + word : $"{root} {word}",
            },
            38 => word switch
            {
                "5일장" or "시장" => random.Chance(0.5) ? place + word : $"{place}{random.Pick(KoreanWords.Dongs)}{word}",
                "백화점" => $"{root}백화점 {place}점",
                _ => $"{root} {word}",
            },
            _ => RestaurantTitle(category, ref random, root, place),
        };
    }

    private static string RestaurantTitle(Category category, ref SeededRandom random, string root, string place)
    {
        var dish = random.Pick(KoreanWords.Dishes);
        return category.Name switch
        {
            "서양식" => random.Next(3) switch { 0 => $"비스트로 {root}", 1 => $"{root} 파스타", _ => $"라 {root}" },
            "일식" => random.Next(3) switch { 0 => $"스시 {root}", 1 => $"{root} 돈카츠", _ => $"{root}라멘" },
            "중식" => random.Next(3) switch { 0 => $"{root}반점", 1 => $"{root}각", _ => $"차이나 {root}" },
            "카페/전통찻집" => random.Next(4) switch { 0 => $"카페 {root}", 1 => $"{root} 커피", 2 => $"{root}다방", _ => $"{root} 베이커리" },
            "이색음식점" => random.Chance(0.5) ? $"{root} 비건키친" : $"{root} 퓨전주막",
            _ => random.NextDouble() switch
            {
                < 0.4 => root + dish,
                < 0.6 => $"{random.Pick(KoreanWords.FamousPlaces)}{dish} {place}점",
                < 0.8 => place + dish,
                _ => $"{root}식당",
            },
        };
    }

    /// <summary>"강릉시" → "강릉", "종로구" → "종로"; two-syllable names ("중구") stay whole.</summary>
    public static string ShortName(Sigungu district) =>
        district.Name == "세종특별자치시" ? "세종"
        : district.Name.Length > 2 && district.Name[^1] is '시' or '군' or '구' ? district.Name[..^1]
        : district.Name;

    public static (string Addr1, string Addr2) Address(in Destination destination)
    {
        var random = new SeededRandom(destination.Variant ^ 0xADD2);
        var area = destination.Area;
        var district = destination.District;
        var road = random.Pick(KoreanWords.Roots) + random.Next(3) switch { 0 => "로", 1 => "길", _ => "대로" };
        var lane = random.Chance(0.4) ? $" {random.Next(1, 80)}번길" : "";
        var where = district.Name == area.LDongName ? area.LDongName : $"{area.LDongName} {district.Name}";
        var addr1 = $"{where} {road}{lane} {random.Next(1, 300)}";
        var addr2 = random.NextDouble() switch
        {
            < 0.25 => $"({random.Pick(KoreanWords.Dongs)}동)",
            < 0.40 => $"{random.Next(1, 6)}층",
            _ => "",
        };
        return (addr1, addr2);
    }

    public static string Zipcode(in Destination destination)
    {
        var area = destination.Area;
        var span = (area.ZipTo - area.ZipFrom + 1) / area.Districts.Count;
        var random = new SeededRandom(destination.Variant ^ 0x21C0);
        return (area.ZipFrom + destination.DistrictIndex * span + random.Next(Math.Max(1, span))).ToString("D5", CultureInfo.InvariantCulture);
    }

    public static string Tel(in Destination destination)
    {
        var random = new SeededRandom(destination.Variant ^ 0x7E1);
        var prefix = destination.Area.TelPrefix;
        return random.NextDouble() switch
        {
            < 0.10 => "",
            < 0.18 => $"{prefix}-{random.Next(200, 999)}-{random.Next(1000, 9999)}<br>{prefix}-{random.Next(200, 999)}-{random.Next(1000, 9999)}",
            < 0.25 => $"1588-{random.Next(1000, 9999)}",
            _ => $"{prefix}-{random.Next(200, 9999)}-{random.Next(1000, 9999)}",
        };
    }

    public static string Homepage(in Destination destination)
    {
        var random = new SeededRandom(destination.Variant ^ 0x4E4E);
        if (random.Chance(0.3))
        {
            return "";
        }
        Span<char> slug = stackalloc char[random.Next(5, 11)];
        for (var i = 0; i < slug.Length; i++)
        {
            slug[i] = (char)('a' + random.Next(26));
        }
        var url = $"https://www.{slug}.kr";
        return $"<a href=\"{url}\" target=\"_blank\" title=\"새창: {destination.Title} 홈페이지\">{url}</a>";
    }

    /// <summary>The description; <paramref name="revision"/> (how often it was modified) changes its last sentence.</summary>
    public static string Overview(in Destination destination, int revision)
    {
        var random = new SeededRandom(destination.Variant ^ 0x0FE1);
        var title = destination.Title;
        var subject = title + Topic(title);
        var place = $"{destination.Area.LDongName} {destination.District.Name}";
        var closing = KoreanWords.Closings[(int)((destination.Variant + (ulong)revision) % (ulong)KoreanWords.Closings.Length)];
        return $"{subject} {place}에 자리한 {destination.Category.Name}이다. {random.Pick(KoreanWords.Adjectives)} 곳으로, " +
               $"{random.Pick(KoreanWords.Adjectives)} 분위기를 느낄 수 있다.<br><br>{closing}";
    }

    /// <summary>The topic particle 은/는, chosen by whether the last syllable ends in a consonant.</summary>
    private static string Topic(string word)
    {
        var last = word[^1];
        if (last is < '가' or > '힣')
        {
            return "은(는)";
        }
        return (last - '가') % 28 == 0 ? "는" : "은";
    }

    public static string ImageUrl(int imageId, bool small) =>
        $"http://tong.visitkorea.or.kr/cms/resource/{imageId % 90 + 10:D2}/{imageId}_image{(small ? 3 : 2)}_1.jpg";

    public static string CopyrightCode(byte code) => code switch { 1 => "Type1", 2 => "Type3", _ => "" };

    /// <summary>Festival dates: spread from a year before the epoch to 18 months after (or soon after creation).</summary>
    public static (DateOnly Start, DateOnly End) EventDates(in Destination destination, DateTimeOffset epoch)
    {
        var random = new SeededRandom(destination.Variant ^ 0xE7E7);
        var created = Kst.Day(DateTimeOffset.FromUnixTimeSeconds(destination.CreatedUnix));
        var floor = Kst.Day(epoch).AddDays(-365);
        var start = destination.CreatedUnix >= epoch.ToUnixTimeSeconds()
            ? created.AddDays(random.Next(14, 120))
            : (created > floor ? created : floor).AddDays(random.Next(0, 540));
        return (start, start.AddDays(random.Next(0, 20)));
    }
}
