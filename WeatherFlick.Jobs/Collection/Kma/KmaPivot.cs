using System.Globalization;

namespace WeatherFlick.Jobs.Collection.Kma;

/// <summary>
/// KMA answers one row per category; a stored row holds every category of one cell and time. Groups the items by
/// cell and the time <c>timeOf</c> reads, mapping category to value; items that do not parse are left out.
/// </summary>
internal static class KmaPivot
{
    public static Dictionary<(int Nx, int Ny, DateTimeOffset BaseAt, DateTimeOffset At), Dictionary<string, string?>> ByCellAndTime(
        IEnumerable<IReadOnlyDictionary<string, string?>> items, Func<IReadOnlyDictionary<string, string?>, DateTimeOffset?> timeOf, string valueField)
    {
        var groups = new Dictionary<(int, int, DateTimeOffset, DateTimeOffset), Dictionary<string, string?>>();
        foreach (var item in items)
        {
            if (!int.TryParse(item.GetValueOrDefault("nx"), CultureInfo.InvariantCulture, out var nx)
                || !int.TryParse(item.GetValueOrDefault("ny"), CultureInfo.InvariantCulture, out var ny)
                || KmaIssueTimes.FromParameters(item.GetValueOrDefault("baseDate"), item.GetValueOrDefault("baseTime")) is not { } baseAt
                || timeOf(item) is not { } at
                || item.GetValueOrDefault("category") is not { } category)
            {
                continue;
            }
            var key = (nx, ny, baseAt, at);
            if (!groups.TryGetValue(key, out var values))
            {
                groups[key] = values = new Dictionary<string, string?>(StringComparer.Ordinal);
            }
            values[category] = item.GetValueOrDefault(valueField);
        }
        return groups;
    }
}
