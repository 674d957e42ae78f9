using System.Globalization;
using WeatherFlick.Data.Destinations;
using WeatherFlick.Jobs.Collection.Kma;

namespace WeatherFlick.Jobs.Collection.Kto;

/// <summary>
/// KTO list items (areaBasedList2 and friends) as destination rows. Every value arrives as a string (mapx/mapy with
/// ten decimals, times as yyyyMMddHHmmss in KST); a stray number is tolerated. Items without a contentid or
/// title are rejected, never half-stored.
/// </summary>
public static class KtoItems
{
    public static DestinationRow? ToDestination(IReadOnlyDictionary<string, string?> item, long? rawResponseId)
    {
        var contentId = Text(item, "contentid");
        var title = Text(item, "title");
        if (contentId is null || title is null || Int(item, "contenttypeid") is not { } contentTypeId)
        {
            return null;
        }
        var longitude = Double(item, "mapx");
        var latitude = Double(item, "mapy");
        // 0/0 and the like are KTO's "no coordinates", not the Gulf of Guinea.
        if (latitude is null or 0 || longitude is null or 0)
        {
            latitude = longitude = null;
        }
        var grid = latitude is { } lat && longitude is { } lon ? KmaGrid.ToGrid(lat, lon) : null;
        return new DestinationRow(
            contentId, contentTypeId, Int(item, "areacode"), Int(item, "sigungucode"),
            Text(item, "lDongRegnCd"), Text(item, "lDongSignguCd"), title,
            Text(item, "addr1"), Text(item, "addr2"), Text(item, "zipcode"), Text(item, "tel"),
            Text(item, "cat1"), Text(item, "cat2"), Text(item, "cat3"),
            Text(item, "lclsSystm1"), Text(item, "lclsSystm2"), Text(item, "lclsSystm3"),
            Text(item, "firstimage"), Text(item, "firstimage2"), Text(item, "cpyrhtDivCd"),
            latitude, longitude, Int(item, "mlevel"), grid?.Nx, grid?.Ny,
            Time(item, "createdtime"), Time(item, "modifiedtime"), rawResponseId);
    }

    /// <summary>A KTO timestamp (yyyyMMddHHmmss, KST) as an instant.</summary>
    public static DateTimeOffset? Time(IReadOnlyDictionary<string, string?> item, string name) =>
        DateTime.TryParseExact(Text(item, name), "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, TimeSpan.FromHours(9)).ToUniversalTime()
            : null;

    public static string? Text(IReadOnlyDictionary<string, string?> item, string name) =>
        item.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public static int? Int(IReadOnlyDictionary<string, string?> item, string name) =>
        int.TryParse(Text(item, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static double? Double(IReadOnlyDictionary<string, string?> item, string name) =>
        double.TryParse(Text(item, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : null;
}
