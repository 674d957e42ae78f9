using WeatherFlick.Simulator.Clock;
using WeatherFlick.Simulator.Determinism;
using WeatherFlick.Simulator.Geography;

namespace WeatherFlick.Simulator.Kma;

/// <summary>
/// Deterministic, plausible Korean weather per grid cell and hour: a seasonal climatology (Seoul's monthly means,
/// warmer to the south, colder on the Taebaek ridge), a daily cycle, multi-day anomalies shared by neighbouring
/// cells, and 6-hour wet spells whose odds follow the season (the July monsoon most). A forecast is this truth plus
/// an error that grows with lead time and differs per issue, so successive issues disagree a little, as real ones do.
/// </summary>
internal sealed class WeatherModel(long seed)
{
    private static readonly double[] MonthlyMean = [-2.4, 0.4, 5.7, 12.5, 17.8, 22.2, 24.9, 25.7, 21.2, 14.8, 7.2, 0.4];
    private static readonly double[] WetOdds = [0.12, 0.13, 0.18, 0.20, 0.20, 0.30, 0.45, 0.38, 0.25, 0.15, 0.18, 0.14];
    private static readonly double[] WetIntensity = [0.8, 0.8, 1.5, 2.0, 2.0, 4.0, 7.0, 6.0, 4.0, 2.0, 1.5, 0.8];

    /// <summary>The forecast for <paramref name="target"/> made at <paramref name="issue"/> (the truth when they coincide).</summary>
    public WeatherState Forecast(int nx, int ny, DateTimeOffset issue, DateTimeOffset target)
    {
        var local = target.ToOffset(Kst.Offset);
        var (lat, lon) = KmaGrid.ToLatLon(nx, ny);
        var sea = !LandMask.IsLand(nx, ny);
        var leadHours = Math.Max(0, (target - issue).TotalHours);
        var error = Noise(nx, ny, issue.ToUnixTimeSeconds(), target.ToUnixTimeSeconds(), 11) * Math.Min(3.0, 0.2 + 0.04 * leadHours);

        var dayOfYear = local.DayOfYear;
        var mean = Climatology(dayOfYear, lat, lon) + Anomaly(nx, ny, local) + (sea ? 1.0 : 0);
        var amplitude = (sea ? 1.5 : 4.0) + 1.5 * Math.Sin(Math.PI * (dayOfYear - 40) / 183.0) * Math.Sin(Math.PI * (dayOfYear - 40) / 183.0);
        var daily = Math.Cos(2 * Math.PI * (local.Hour - 15) / 24.0);
        var temperature = mean + amplitude * daily + 0.4 * Noise(nx, ny, local.ToUnixTimeSeconds() / 3600, 0, 12) + error;
        var dailyMin = mean - amplitude + error * 0.7;
        var dailyMax = mean + amplitude + error * 0.7;

        var month = local.Month - 1;
        var window = local.ToUnixTimeSeconds() / (6 * 3600);
        var spell = StableHash.Unit(StableHash.Of(seed, nx / 12, ny / 12, window, 13));
        var wet = spell < WetOdds[month];
        var intensity = wet ? -Math.Log(Math.Max(1e-9, StableHash.Unit(StableHash.Of(seed, nx / 6, ny / 6, local.ToUnixTimeSeconds() / 3600, 14)))) * WetIntensity[month] : 0;
        var type = !wet ? 0
            : temperature <= -1 ? 3
            : temperature <= 1.5 ? 2
            : month is >= 5 and <= 8 && spell < WetOdds[month] * 0.3 ? 4
            : 1;
        var rain = type is 1 or 2 or 4 ? intensity : 0;
        var snow = type == 3 ? intensity : type == 2 ? intensity * 0.3 : 0;

        var probability = wet
            ? Math.Clamp(60 + (int)(intensity * 5) / 10 * 10 + (int)(StableHash.Below(StableHash.Of(seed, nx, ny, window, 15), 3)) * 10, 60, 100)
            : Math.Clamp((int)(spell * 60) / 10 * 10 - 10 + (int)(Noise(nx, ny, issue.ToUnixTimeSeconds(), window, 16) * 10) / 10 * 10, 0, 50);
        var skyDraw = StableHash.Unit(StableHash.Of(seed, nx / 8, ny / 8, local.ToUnixTimeSeconds() / (3 * 3600), 17));
        var sky = wet ? 4 : skyDraw < (month is >= 5 and <= 8 ? 0.3 : 0.5) ? 1 : skyDraw < 0.8 ? 3 : 4;
        var humidity = (int)Math.Clamp(62 + (wet ? 25 : 0) + 12 * Math.Sin(Math.PI * (dayOfYear - 90) / 365.0) - 8 * daily + 6 * Noise(nx, ny, local.ToUnixTimeSeconds() / 3600, 1, 18), 15, 100);

        var windBase = (sea ? 5.0 : 1.8) + (month is 11 or 0 or 1 or 2 ? 1.2 : 0) + (wet ? 1.5 : 0);
        var windSpeed = Math.Round(Math.Max(0.1, windBase * (1 + 0.5 * Noise(nx, ny, local.ToUnixTimeSeconds() / 3600, 2, 19))), 1);
        var prevailing = month is >= 10 or <= 2 ? 300 : month is >= 5 and <= 7 ? 220 : 270;
        var direction = ((prevailing + (int)(80 * Noise(nx / 4, ny / 4, local.ToUnixTimeSeconds() / (3 * 3600), 3, 20))) % 360 + 360) % 360;
        var wave = sea ? Math.Round((0.3 + windSpeed * 0.25) * 2, MidpointRounding.AwayFromZero) / 2 : 0;

        return new WeatherState(temperature, dailyMin, dailyMax, sky, type, probability, rain, snow, humidity, windSpeed, direction, wave);
    }

    /// <summary>Seoul's monthly mean, interpolated by day, warmer south (more so in winter), colder on the eastern ridge.</summary>
    private static double Climatology(int dayOfYear, double lat, double lon)
    {
        var position = (dayOfYear - 15.5) / 30.4;
        var lower = (int)Math.Floor(position);
        var fraction = position - lower;
        var a = MonthlyMean[((lower % 12) + 12) % 12];
        var b = MonthlyMean[(((lower + 1) % 12) + 12) % 12];
        var seasonal = a + (b - a) * fraction;
        var southFactor = 1.0 + 0.6 * Math.Cos(2 * Math.PI * (dayOfYear - 15) / 365.0);
        var ridge = lon is > 127.9 and < 128.9 && lat is > 36.8 and < 38.4 ? -3.0 : 0;
        return seasonal + (37.5 - lat) * southFactor + ridge;
    }

    /// <summary>A smooth multi-day anomaly (±4 ℃) shared by a 20 × 20 block of cells.</summary>
    private double Anomaly(int nx, int ny, DateTimeOffset local)
    {
        var days = local.ToUnixTimeSeconds() / 86_400.0 / 2.5;
        var index = (long)Math.Floor(days);
        var fraction = days - index;
        var smooth = fraction * fraction * (3 - 2 * fraction);
        var a = Noise(nx / 20, ny / 20, index, 0, 21);
        var b = Noise(nx / 20, ny / 20, index + 1, 0, 21);
        return 4 * (a + (b - a) * smooth);
    }

    /// <summary>Seeded noise in [-1, 1).</summary>
    private double Noise(long a, long b, long c, long d, long purpose) =>
        StableHash.Unit(StableHash.Of(seed, a * 1_000 + b, c, d, purpose)) * 2 - 1;
}
