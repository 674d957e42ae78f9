namespace WeatherFlick.Jobs.Recommendations;

/// <summary>
/// What weather an activity wants. <see cref="Baseline"/> is its score on a perfect day; each weight is the most
/// that one discomfort (rain, temperature outside the ideal range, wind, humidity, grey sky) can take off;
/// <see cref="ShelterBonus"/> is what bad weather adds to places that shelter from it (for them the ideal range
/// says what counts as too hot or too cold outside).
/// </summary>
/// <param name="Name">Stored in <c>recommendations.profile</c>.</param>
/// <param name="Activity">The activity in words, as the reason names it.</param>
/// <param name="SnowFriendly">Snow is part of the activity (winter sports): only liquid precipitation counts against it.</param>
public sealed record ActivityProfile(
    string Name,
    string Activity,
    double Baseline,
    double IdealMinC,
    double IdealMaxC,
    double RainWeight,
    double TemperatureWeight,
    double WindWeight,
    double HumidityWeight,
    double SkyWeight,
    double ShelterBonus = 0,
    bool SnowFriendly = false);
