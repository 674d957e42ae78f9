using System.Globalization;
using WeatherFlick.Simulator.Clock;
using WeatherFlick.Simulator.Kto.Dataset;
using WeatherFlick.Simulator.Responses;

namespace WeatherFlick.Simulator.Kto;

/// <summary>
/// Writes destinations in KorService2's field order with every value as a string. Fields that only some list
/// operations add (dist, event dates, showflag) sit where the alphabetical base order puts them.
/// </summary>
internal static class KtoItemWriter
{
    public static string Time(long unix) =>
        DateTimeOffset.FromUnixTimeSeconds(unix).ToOffset(Kst.Offset).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    public static string Coordinate(double value) => value.ToString("F10", CultureInfo.InvariantCulture);

    public static void ListItem(EnvelopeWriter writer, KtoRequest request, int index, string? dist = null, bool eventDates = false, bool showFlag = false)
    {
        var catalog = request.Catalog;
        ref readonly var item = ref catalog.Items[index];
        var category = item.Category;
        var (addr1, addr2) = DestinationText.Address(item);
        writer.BeginItem();
        writer.Text("addr1", addr1);
        writer.Text("addr2", addr2);
        writer.Text("areacode", item.Area.Code.ToString(CultureInfo.InvariantCulture));
        writer.Text("cat1", category.Cat1);
        writer.Text("cat2", category.Cat2);
        writer.Text("cat3", category.Cat3);
        writer.Text("contentid", item.ContentId.ToString(CultureInfo.InvariantCulture));
        ContentTypeId(writer, request, item.Type.Id);
        writer.Text("createdtime", Time(item.CreatedUnix));
        if (dist is not null)
        {
            writer.Text("dist", dist);
        }
        if (eventDates)
        {
            var (start, end) = DestinationText.EventDates(item, catalog.Epoch);
            writer.Text("eventstartdate", start.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            writer.Text("eventenddate", end.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        }
        writer.Text("firstimage", item.HasImage ? DestinationText.ImageUrl(item.ImageId, small: false) : "");
        writer.Text("firstimage2", item.HasImage ? DestinationText.ImageUrl(item.ImageId, small: true) : "");
        writer.Text("cpyrhtDivCd", DestinationText.CopyrightCode(item.Copyright));
        writer.Text("mapx", Coordinate(item.Longitude));
        writer.Text("mapy", Coordinate(item.Latitude));
        writer.Text("mlevel", "6");
        writer.Text("modifiedtime", Time(item.ModifiedUnix));
        if (showFlag)
        {
            writer.Text("showflag", catalog.IsDeleted(index) ? "0" : "1");
        }
        writer.Text("sigungucode", item.District.Code.ToString(CultureInfo.InvariantCulture));
        writer.Text("tel", DestinationText.Tel(item));
        writer.Text("title", item.Title);
        writer.Text("zipcode", DestinationText.Zipcode(item));
        writer.Text("lDongRegnCd", item.Area.LDongCode);
        writer.Text("lDongSignguCd", item.District.LDongCode);
        writer.Text("lclsSystm1", category.Lcls1);
        writer.Text("lclsSystm2", category.Lcls2);
        writer.Text("lclsSystm3", category.Lcls3);
        writer.EndItem();
    }

    public static void CommonItem(EnvelopeWriter writer, KtoRequest request, int index)
    {
        var catalog = request.Catalog;
        ref readonly var item = ref catalog.Items[index];
        var category = item.Category;
        var (addr1, addr2) = DestinationText.Address(item);
        writer.BeginItem();
        writer.Text("contentid", item.ContentId.ToString(CultureInfo.InvariantCulture));
        ContentTypeId(writer, request, item.Type.Id);
        writer.Text("title", item.Title);
        writer.Text("createdtime", Time(item.CreatedUnix));
        writer.Text("modifiedtime", Time(item.ModifiedUnix));
        writer.Text("tel", DestinationText.Tel(item));
        writer.Text("telname", item.Type.Id is 12 or 15 or 25 ? "" : item.Title);
        writer.Text("homepage", DestinationText.Homepage(item));
        writer.Text("firstimage", item.HasImage ? DestinationText.ImageUrl(item.ImageId, small: false) : "");
        writer.Text("firstimage2", item.HasImage ? DestinationText.ImageUrl(item.ImageId, small: true) : "");
        writer.Text("cpyrhtDivCd", DestinationText.CopyrightCode(item.Copyright));
        writer.Text("areacode", item.Area.Code.ToString(CultureInfo.InvariantCulture));
        writer.Text("sigungucode", item.District.Code.ToString(CultureInfo.InvariantCulture));
        writer.Text("lDongRegnCd", item.Area.LDongCode);
        writer.Text("lDongSignguCd", item.District.LDongCode);
        writer.Text("lclsSystm1", category.Lcls1);
        writer.Text("lclsSystm2", category.Lcls2);
        writer.Text("lclsSystm3", category.Lcls3);
        writer.Text("cat1", category.Cat1);
        writer.Text("cat2", category.Cat2);
        writer.Text("cat3", category.Cat3);
        writer.Text("addr1", addr1);
        writer.Text("addr2", addr2);
        writer.Text("zipcode", DestinationText.Zipcode(item));
        writer.Text("mapx", Coordinate(item.Longitude));
        writer.Text("mapy", Coordinate(item.Latitude));
        writer.Text("mlevel", "6");
        writer.Text("overview", DestinationText.Overview(item, catalog.Revisions[index]));
        writer.EndItem();
    }

    /// <summary>contenttypeid is a string, except where the one report of a JSON number is being reproduced.</summary>
    public static void ContentTypeId(EnvelopeWriter writer, KtoRequest request, int id)
    {
        if (request.Options.ContentTypeIdAsNumber)
        {
            writer.Number("contenttypeid", id);
        }
        else
        {
            writer.Text("contenttypeid", id.ToString(CultureInfo.InvariantCulture));
        }
    }
}
