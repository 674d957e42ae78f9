using WeatherFlick.Jobs.Recommendations;

namespace WeatherFlick.Tests.Recommendations;

public sealed class ActivityProfilesTests
{
    [Theory]
    [InlineData(12, "A01", "A0101", "A01010400", "NA", "NA01", "nature")]      // 산
    [InlineData(12, "A01", "A0101", "A01011200", "NA", "NA02", "water")]       // 해수욕장
    [InlineData(12, "A01", "A0101", "A01011900", "NA", "NA03", "indoor")]      // 동굴
    [InlineData(12, "A02", "A0201", "A02010100", "HS", "HS01", "outdoor")]     // 고궁
    [InlineData(12, "A02", "A0202", "A02020300", "VE", "VE04", "indoor")]      // 온천/스파
    [InlineData(12, null, null, null, "NA", "NA01", "nature")]                 // only the new classification
    [InlineData(14, "A02", "A0206", "A02060100", "VE", "VE01", "indoor")]      // 박물관
    [InlineData(15, "A02", "A0207", "A02070200", "EV", "EV01", "festival")]
    [InlineData(25, "C01", "C0115", "C01150001", "C01", "C0104", "walking")]   // 도보코스
    [InlineData(28, "A03", "A0303", "A03030600", "LS", "LS02", "water")]       // 래프팅
    [InlineData(28, null, null, null, "LS", "LS02", "water")]                  // 수상레포츠 by lclsSystm alone
    [InlineData(28, "A03", "A0302", "A03021200", "LS", "LS01", "winter")]      // 스키
    [InlineData(28, "A03", "A0302", "A03021700", "LS", "LS01", "nature")]      // 야영장
    [InlineData(28, "A03", "A0304", "A03040300", "LS", "LS03", "active")]      // 패러글라이딩
    [InlineData(32, "B02", "B0201", "B02010700", "AC", "AC03", "lodging")]
    [InlineData(38, "A04", "A0401", "A04010100", "SH", "SH01", "outdoor")]     // 5일장
    [InlineData(38, "A04", "A0401", "A04010300", "SH", "SH02", "indoor")]      // 백화점
    [InlineData(39, "A05", "A0502", "A05020100", "FD", "FD01", "indoor")]
    [InlineData(77, null, null, null, null, null, "outdoor")]                  // a type this service does not list
    public void Profile_follows_content_type_and_category(int contentTypeId, string? cat1, string? cat2, string? cat3, string? lcls1, string? lcls2, string profile)
    {
        ActivityProfiles.For(contentTypeId, cat1, cat2, cat3, lcls1, lcls2).Name.ShouldBe(profile,
            $"type {contentTypeId} {cat3 ?? lcls2 ?? "(no category)"}");
    }

    [Fact]
    public void Profile_names_are_distinct()
    {
        ActivityProfiles.All.Select(p => p.Name).ShouldBeUnique("recommendations.profile tells the profiles apart by name");
    }
}
