using System.Globalization;
using WeatherFlick.Simulator.Kto.Dataset;

namespace WeatherFlick.Simulator.Kto;

/// <summary>The list operations over destinations: area, location, keyword, festival, stay and sync lists.</summary>
internal static class KtoListOperations
{
    private static readonly string[] Arranges = ["A", "C", "D", "O", "Q", "R"];
    private static readonly string[] LocationArranges = ["A", "C", "D", "O", "Q", "R", "E", "S"];

    public static KtoRows? AreaBased(KtoRequest request) => Listed(request, Filter(request), eventDates: false, showFlag: false);

    public static KtoRows? SearchKeyword(KtoRequest request) =>
        Listed(request, Filter(request) with { Keyword = request.Text("keyword") }, eventDates: false, showFlag: false);

    public static KtoRows? SearchStay(KtoRequest request) =>
        Listed(request, Filter(request) with { ContentTypeId = 32 }, eventDates: false, showFlag: false);

    public static KtoRows? SearchFestival(KtoRequest request)
    {
        var filter = Filter(request) with
        {
            ContentTypeId = 15,
            EventStart = request.Date("eventStartDate"),
            EventEnd = request.Date("eventEndDate"),
        };
        if (request.Options.FestivalIgnoresAreaCode)
        {
            filter = filter with { AreaCode = null, SigunguCode = null };
        }
        return Listed(request, filter, eventDates: true, showFlag: false);
    }

    public static KtoRows? AreaBasedSync(KtoRequest request)
    {
        var showFlag = request.OneOf("showflag", "0", "1");
        var filter = Filter(request) with { IncludeDeleted = true, ShowFlag = showFlag is null ? null : showFlag == "1" };
        if (request.Options.SyncListModifiedTimeReturnsNothing && filter.ModifiedDay is not null)
        {
            return request.InvalidParameter is null ? new KtoRows(0, static (_, _) => { }) : null;
        }
        return Listed(request, filter, eventDates: false, showFlag: true);
    }

    public static KtoRows? LocationBased(KtoRequest request)
    {
        var arrange = request.OneOf("arrange", LocationArranges) ?? "E";
        var longitude = request.Double("mapX");
        var latitude = request.Double("mapY");
        var radius = request.Int("radius", minimum: 1, maximum: 20_000);
        var filter = Filter(request, arrange: arrange is "E" or "S" ? "A" : arrange);
        if (request.InvalidParameter is not null || longitude is null || latitude is null || radius is null)
        {
            return null;
        }
        var catalog = request.Catalog;
        var found = new List<(int Index, double Meters)>();
        foreach (var index in catalog.Query(filter))
        {
            ref readonly var item = ref catalog.Items[index];
            var meters = Meters(latitude.Value, longitude.Value, item.Latitude, item.Longitude);
            if (meters <= radius)
            {
                found.Add((index, meters));
            }
        }
        if (arrange is "E" or "S")
        {
            found.Sort((a, b) => a.Meters != b.Meters ? a.Meters.CompareTo(b.Meters) : catalog.Items[a.Index].ContentId.CompareTo(catalog.Items[b.Index].ContentId));
        }
        return KtoRows.Of(found, (writer, hit, _) =>
            KtoItemWriter.ListItem(writer, request, hit.Index, dist: hit.Meters.ToString(CultureInfo.InvariantCulture)));
    }

    private static KtoRows? Listed(KtoRequest request, CatalogFilter filter, bool eventDates, bool showFlag)
    {
        if (request.InvalidParameter is not null)
        {
            return null;
        }
        var indexes = request.Catalog.Query(filter);
        return KtoRows.Of(indexes, (writer, index, _) => KtoItemWriter.ListItem(writer, request, index, eventDates: eventDates, showFlag: showFlag));
    }

    /// <summary>The filters every list operation shares (only whitelisted ones can be present).</summary>
    private static CatalogFilter Filter(KtoRequest request, string? arrange = null) => new()
    {
        Arrange = (arrange ?? request.OneOf("arrange", Arranges) ?? "A")[0],
        ContentTypeId = request.Int("contentTypeId"),
        AreaCode = request.Int("areaCode"),
        SigunguCode = request.Int("sigunguCode"),
        Cat1 = request.Text("cat1"),
        Cat2 = request.Text("cat2"),
        Cat3 = request.Text("cat3"),
        LDongRegnCd = request.Text("lDongRegnCd"),
        LDongSignguCd = request.Text("lDongSignguCd"),
        Lcls1 = request.Text("lclsSystm1"),
        Lcls2 = request.Text("lclsSystm2"),
        Lcls3 = request.Text("lclsSystm3"),
        ModifiedDay = request.Date("modifiedtime"),
        ModifiedSince = request.Options.ModifiedTimeFilter == "Since",
    };

    /// <summary>Great-circle distance in metres.</summary>
    public static double Meters(double lat1, double lon1, double lat2, double lon2)
    {
        const double EarthMeters = 6_371_000;
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLon = (lon2 - lon1) * Math.PI / 180;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) +
                Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
