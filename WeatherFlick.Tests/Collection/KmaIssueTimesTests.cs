using WeatherFlick.Jobs.Collection.Kma;

namespace WeatherFlick.Tests.Collection;

public sealed class KmaIssueTimesTests
{
    private static DateTimeOffset Kst(int day, int hour, int minute) => new(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(9));

    [Theory]
    [InlineData(22, 2, 9, 21, 2300)]   // 02:09: the 02:00 issue is not out yet
    [InlineData(22, 2, 10, 22, 200)]   // published at 02:10
    [InlineData(22, 0, 30, 21, 2300)]  // early morning: the previous day's 23:00 issue
    [InlineData(22, 12, 0, 22, 1100)]
    [InlineData(22, 23, 59, 22, 2300)]
    [InlineData(22, 23, 5, 22, 2000)]
    public void Latest_village_forecast_issue_is_the_last_one_published(int day, int hour, int minute, int issueDay, int issueHhmm)
    {
        var issue = KmaIssueTimes.LatestVillageForecast(Kst(day, hour, minute));

        issue.ShouldBe(Kst(issueDay, issueHhmm / 100, issueHhmm % 100));
    }

    [Fact]
    public void Nowcast_of_the_hour_is_published_at_ten_past()
    {
        KmaIssueTimes.LatestNowcast(Kst(22, 14, 9)).ShouldBe(Kst(22, 13, 0));
        KmaIssueTimes.LatestNowcast(Kst(22, 14, 10)).ShouldBe(Kst(22, 14, 0));
        KmaIssueTimes.LatestNowcast(Kst(22, 0, 5)).ShouldBe(Kst(21, 23, 0), "before 00:10 the last observation is yesterday's 23:00");
    }

    [Fact]
    public void Ultra_short_forecast_of_HH30_is_published_at_HH45()
    {
        KmaIssueTimes.LatestUltraShortForecast(Kst(22, 14, 44)).ShouldBe(Kst(22, 13, 30));
        KmaIssueTimes.LatestUltraShortForecast(Kst(22, 14, 45)).ShouldBe(Kst(22, 14, 30));
    }

    [Fact]
    public void Issue_parameters_are_KST_date_and_time()
    {
        KmaIssueTimes.ToParameters(Kst(21, 23, 0).ToUniversalTime()).ShouldBe(("20261121", "2300"));
    }
}
