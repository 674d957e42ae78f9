using WeatherFlick.Jobs.Recommendations;

namespace WeatherFlick.Tests.Recommendations;

public sealed class DaytimeWeatherTests
{
    private static readonly DateOnly Day = new(2026, 11, 22);

    private static HourlyWeather Hour(int day, int hour, float tmp, short sky = 1, short pty = 0, short pop = 0, float pcp = 0, float sno = 0, short reh = 50, float wsd = 2) =>
        new(new DateTimeOffset(2026, 11, day, hour, 0, 0, TimeSpan.FromHours(9)), tmp, sky, pty, pop, pcp, sno, reh, wsd);

    [Fact]
    public void Only_the_daytime_hours_of_the_KST_day_count()
    {
        List<HourlyWeather> hours = [.. Enumerable.Range(0, 24).Select(h => Hour(22, h, tmp: h is >= 9 and <= 18 ? 10 + h : 40)), Hour(23, 12, tmp: -20)];

        var weather = DaytimeWeather.Of(Day, hours, fromHour: 9, toHour: 18);

        weather.ShouldNotBeNull("the day has daytime hours");
        weather.Hours.ShouldBe(10, "09:00 to 18:00 KST inclusive");
        weather.TempMin.ShouldBe(19f, "night hours (40 ℃ here) and other days (-20 ℃) do not count");
        weather.TempMax.ShouldBe(28f);
    }

    [Fact]
    public void A_day_without_daytime_hours_has_no_weather()
    {
        DaytimeWeather.Of(Day, [Hour(22, 6, 5), Hour(22, 21, 5), Hour(23, 12, 5)], 9, 18).ShouldBeNull("nothing to judge the day by");
    }

    [Fact]
    public void Precipitation_sky_humidity_and_wind_are_summed_up_per_hour()
    {
        HourlyWeather[] hours =
        [
            Hour(22, 9, 3, sky: 1, pop: 10, reh: 40, wsd: 1),
            Hour(22, 10, 3, sky: 3, pty: 4, pop: 60, pcp: 2, reh: 60, wsd: 3),
            Hour(22, 11, 2, sky: 4, pty: 1, pop: 80, pcp: 5, reh: 80, wsd: 9),
            Hour(22, 12, 1, sky: 4, pty: 2, pop: 70, pcp: 1, reh: 90, wsd: 4),
            Hour(22, 13, 0, sky: 4, pty: 3, pop: 90, pcp: 4, sno: 1.5f, reh: 90, wsd: 2),
        ];

        var weather = DaytimeWeather.Of(Day, hours, 9, 18)!;

        weather.PopMax.ShouldBe(90);
        weather.RainMm.ShouldBe(8f, "rain, shower and sleet hours; under snow PCP is the melted snow SNO already counts");
        weather.SnowCm.ShouldBe(1.5f);
        (weather.RainHours, weather.ShowerHours, weather.SleetHours, weather.SnowHours).ShouldBe((1, 1, 1, 1), "one hour of each PTY");
        weather.LiquidHours.ShouldBe(3);
        (weather.ClearHours, weather.CloudyHours, weather.OvercastHours).ShouldBe((1, 1, 3));
        weather.HumidityMean.ShouldBe(72f);
        weather.WindMax.ShouldBe(9f);
    }
}
