using System.Globalization;
using WeatherFlick.Data.Weather;

namespace WeatherFlick.Jobs.Collection.Kma;

/// <summary>Builds VilageFcstInfoService_2.0 parameters (the gateway adds serviceKey): JSON, paging, issue and grid cell.</summary>
public static class KmaRequest
{
    public static IReadOnlyList<KeyValuePair<string, string>> For(DateTimeOffset issue, GridCell cell, int numOfRows, int pageNo)
    {
        var (baseDate, baseTime) = KmaIssueTimes.ToParameters(issue);
        return
        [
            new("numOfRows", numOfRows.ToString(CultureInfo.InvariantCulture)),
            new("pageNo", pageNo.ToString(CultureInfo.InvariantCulture)),
            new("dataType", "JSON"),
            new("base_date", baseDate),
            new("base_time", baseTime),
            new("nx", cell.Nx.ToString(CultureInfo.InvariantCulture)),
            new("ny", cell.Ny.ToString(CultureInfo.InvariantCulture)),
        ];
    }
}
