using WeatherFlick.Jobs.Recommendations;
using static WeatherFlick.Jobs.Recommendations.RecommendationLevels;

namespace WeatherFlick.Tests.Recommendations;

public sealed class WeatherFitScoringTests
{
    /// <summary>Daytime (09–18 KST, ten hours) weather of typical days.</summary>
    private static readonly Dictionary<string, DaytimeWeather> Days = new()
    {
        ["clear mild"] = Day(18, 23, pop: 10, humidity: 50, wind: 2, clear: 10),
        ["hot humid"] = Day(27, 33, pop: 20, humidity: 80, wind: 2, clear: 5, cloudy: 5),
        ["cold clear"] = Day(-6, 0, pop: 0, humidity: 40, wind: 3, clear: 10),
        ["rainy"] = Day(12, 15, pop: 90, rainMm: 15, rainHours: 8, humidity: 95, wind: 5, overcast: 10),
        ["showers"] = Day(20, 26, pop: 60, rainMm: 3, showerHours: 2, humidity: 75, wind: 3, cloudy: 10),
        ["windy"] = Day(14, 19, pop: 10, humidity: 45, wind: 13, clear: 10),
        ["snowy"] = Day(-4, -1, pop: 80, snowCm: 6, snowHours: 6, humidity: 85, wind: 4, overcast: 10),
        ["beach day"] = Day(28, 32, pop: 0, humidity: 55, wind: 3, clear: 10),
        ["cool cloudy"] = Day(9, 14, pop: 30, humidity: 60, wind: 3, cloudy: 5, overcast: 5),
    };

    /// <summary>What each activity should make of each day. Days whose score sits near a threshold are left out.</summary>
    public static TheoryData<string, string, string> Expectations => new()
    {
        { "nature", "clear mild", Excellent }, { "nature", "rainy", Poor }, { "nature", "showers", Fair }, { "nature", "windy", Fair },
        { "nature", "snowy", Poor }, { "nature", "beach day", Fair }, { "nature", "cool cloudy", Good },
        { "outdoor", "clear mild", Excellent }, { "outdoor", "hot humid", Fair }, { "outdoor", "cold clear", Fair }, { "outdoor", "rainy", Poor },
        { "outdoor", "showers", Fair }, { "outdoor", "snowy", Poor }, { "outdoor", "cool cloudy", Good },
        { "walking", "clear mild", Excellent }, { "walking", "hot humid", Poor }, { "walking", "cold clear", Poor }, { "walking", "rainy", Poor },
        { "walking", "windy", Fair }, { "walking", "snowy", Poor },
        { "active", "clear mild", Excellent }, { "active", "hot humid", Fair }, { "active", "cold clear", Fair }, { "active", "rainy", Poor },
        { "active", "showers", Fair }, { "active", "windy", Fair }, { "active", "snowy", Poor }, { "active", "beach day", Fair },
        { "water", "clear mild", Fair }, { "water", "hot humid", Excellent }, { "water", "cold clear", Poor }, { "water", "rainy", Poor },
        { "water", "windy", Poor }, { "water", "snowy", Poor }, { "water", "beach day", Excellent }, { "water", "cool cloudy", Poor },
        { "winter", "clear mild", Poor }, { "winter", "hot humid", Poor }, { "winter", "cold clear", Excellent }, { "winter", "rainy", Poor },
        { "winter", "showers", Poor }, { "winter", "windy", Poor }, { "winter", "snowy", Excellent }, { "winter", "beach day", Poor },
        { "winter", "cool cloudy", Poor },
        { "festival", "clear mild", Excellent }, { "festival", "cold clear", Fair }, { "festival", "rainy", Poor }, { "festival", "showers", Fair },
        { "festival", "windy", Fair }, { "festival", "snowy", Poor }, { "festival", "beach day", Good },
        { "indoor", "clear mild", Good }, { "indoor", "cold clear", Excellent }, { "indoor", "rainy", Excellent }, { "indoor", "windy", Good },
        { "indoor", "cool cloudy", Good },
        { "lodging", "hot humid", Good }, { "lodging", "cold clear", Good }, { "lodging", "showers", Good }, { "lodging", "windy", Good },
        { "lodging", "beach day", Good }, { "lodging", "cool cloudy", Good },
    };

    [Theory]
    [MemberData(nameof(Expectations))]
    public void Each_activity_gets_the_level_its_weather_deserves(string profile, string day, string level)
    {
        var fit = WeatherFitScoring.Score(Profile(profile), Days[day]);

        fit.Level.ShouldBe(level, $"{profile} on a {day} day scored {fit.Score}: {fit.Reason}");
    }

    [Fact]
    public void Rain_lowers_weather_dependent_activities_and_raises_places_that_shelter_from_it()
    {
        foreach (var profile in ActivityProfiles.All)
        {
            var clear = WeatherFitScoring.Score(profile, Days["clear mild"]).Score;
            var rainy = WeatherFitScoring.Score(profile, Days["rainy"]).Score;
            if (profile.ShelterBonus > 0)
            {
                rainy.ShouldBeGreaterThan(clear, $"{profile.Name} shelters from rain: a rainy day suits it better");
            }
            else
            {
                rainy.ShouldBeLessThan(clear, $"{profile.Name} suffers from rain");
            }
        }
    }

    [Fact]
    public void Every_score_lies_between_0_and_10_with_two_decimals_and_the_level_of_its_threshold()
    {
        foreach (var profile in ActivityProfiles.All)
        {
            foreach (var (name, day) in Days)
            {
                var fit = WeatherFitScoring.Score(profile, day);

                fit.Score.ShouldBeInRange(0m, 10m, $"{profile.Name} on a {name} day");
                fit.Score.ShouldBe(Math.Round(fit.Score, 2), $"{profile.Name} on a {name} day: numeric(4,2) keeps two decimals");
                fit.Level.ShouldBe(Of(fit.Score), $"{profile.Name} on a {name} day: the level follows the score");
            }
        }
    }

    [Theory]
    [InlineData(10.00, Excellent)]
    [InlineData(8.50, Excellent)]
    [InlineData(8.49, Good)]
    [InlineData(7.00, Good)]
    [InlineData(6.99, Fair)]
    [InlineData(5.00, Fair)]
    [InlineData(4.99, Poor)]
    [InlineData(0.00, Poor)]
    public void Levels_are_excellent_from_8_5_good_from_7_fair_from_5_and_poor_below(double score, string level)
    {
        Of((decimal)score).ShouldBe(level, $"score {score}");
    }

    [Theory]
    [InlineData("nature", "clear mild", "맑고 기온 18~23℃, 강수확률 10%: 자연 관광에 매우 좋음")]
    [InlineData("walking", "rainy", "비가 오고 기온 12~15℃, 강수확률 90%, 강수량 15mm, 습도 95%: 걷기 여행에 좋지 않음 (주된 요인: 비)")]
    [InlineData("indoor", "rainy", "비가 오고 기온 12~15℃, 강수확률 90%, 강수량 15mm, 습도 95%: 실내 관람·활동에 매우 좋음 (비를 피하기 좋음)")]
    [InlineData("winter", "snowy", "눈이 오고 기온 -4~-1℃, 강수확률 80%, 적설 6cm, 습도 85%: 겨울 스포츠에 매우 좋음")]
    [InlineData("walking", "hot humid", "맑고 기온 27~33℃, 강수확률 20%, 습도 80%: 걷기 여행에 좋지 않음 (주된 요인: 높은 기온)")]
    [InlineData("active", "windy", "맑고 기온 14~19℃, 강수확률 10%, 바람 13m/s: 레포츠에 보통 (주된 요인: 강한 바람)")]
    [InlineData("indoor", "clear mild", "맑고 기온 18~23℃, 강수확률 10%: 실내 관람·활동에 좋음")]
    public void Reason_names_the_weather_the_activity_and_what_decided(string profile, string day, string reason)
    {
        WeatherFitScoring.Score(Profile(profile), Days[day]).Reason.ShouldBe(reason);
    }

    [Fact]
    public void Values_masked_over_the_sea_are_left_out_not_read_as_zero()
    {
        var masked = new DaytimeWeather(10, null, null, null, 0, 0, 0, 0, 0, 0, null, 3, 10, 0, 0);

        var fit = WeatherFitScoring.Score(ActivityProfiles.Nature, masked);

        fit.Score.ShouldBe(10m, "nothing known speaks against the day: an unknown temperature is not 0 ℃");
        fit.Reason.ShouldBe("맑음: 자연 관광에 매우 좋음", "the reason mentions only what is known");
    }

    private static ActivityProfile Profile(string name) => ActivityProfiles.All.Single(p => p.Name == name);

    private static DaytimeWeather Day(float min, float max, int pop, float humidity, float wind, float rainMm = 0, float snowCm = 0,
        int rainHours = 0, int snowHours = 0, int showerHours = 0, int clear = 0, int cloudy = 0, int overcast = 0) =>
        new(10, min, max, pop, rainMm, snowCm, rainHours, 0, snowHours, showerHours, humidity, wind, clear, cloudy, overcast);
}
