using System.Globalization;

namespace WeatherFlick.Simulator.Clock;

/// <summary>Reads an ISO 8601 time; one given without an offset is a KST wall-clock time, not the machine's.</summary>
public static class KstTime
{
    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text)
            || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return false;
        }
        instant = parsed.Kind switch
        {
            DateTimeKind.Unspecified => Kst.At(parsed),
            DateTimeKind.Utc => new DateTimeOffset(parsed, TimeSpan.Zero),
            _ => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture),
        };
        return true;
    }
}
