using System.Globalization;
using WeatherFlick.Simulator.Kto.Dataset;

namespace WeatherFlick.Simulator.Kto;

/// <summary>
/// The detail operations of one destination. An unknown or deleted contentId, or a contentTypeId that is not the
/// destination's, gives an empty result (<c>"items":""</c>).
/// </summary>
internal static class KtoDetailOperations
{
    public static KtoRows? Common(KtoRequest request) =>
        Detail(request, typed: false, index => new KtoRows(1, (writer, _) => KtoItemWriter.CommonItem(writer, request, index)));

    public static KtoRows? Intro(KtoRequest request) => Detail(request, typed: true, index =>
    {
        var catalog = request.Catalog;
        return new KtoRows(1, (writer, _) =>
        {
            ref readonly var item = ref catalog.Items[index];
            writer.BeginItem();
            writer.Text("contentid", item.ContentId.ToString(CultureInfo.InvariantCulture));
            KtoItemWriter.ContentTypeId(writer, request, item.Type.Id);
            foreach (var (name, value) in DestinationDetails.Intro(item, catalog.Epoch))
            {
                writer.Text(name, value);
            }
            foreach (var (name, value) in request.Options.ExtraIntroFields)
            {
                writer.Text(name, value);
            }
            writer.EndItem();
        });
    });

    public static KtoRows? Info(KtoRequest request) => Detail(request, typed: true, index =>
    {
        var item = request.Catalog.Items[index];
        var id = item.ContentId.ToString(CultureInfo.InvariantCulture);
        return item.Type.Id switch
        {
            25 => CourseRows(request, item, id),
            32 => new KtoRows(DestinationDetails.RoomCount(item), (writer, position) =>
            {
                writer.BeginItem();
                writer.Text("contentid", id);
                KtoItemWriter.ContentTypeId(writer, request, 32);
                foreach (var (name, value) in DestinationDetails.Room(item, position + 1))
                {
                    writer.Text(name, value);
                }
                writer.EndItem();
            }),
            _ => KtoRows.Of(DestinationDetails.Info(item), (writer, row, position) =>
            {
                writer.BeginItem();
                writer.Text("contentid", id);
                KtoItemWriter.ContentTypeId(writer, request, item.Type.Id);
                writer.Text("serialnum", position.ToString(CultureInfo.InvariantCulture));
                writer.Text("infoname", row.Name);
                writer.Text("infotext", row.Text);
                writer.Text("fldgubun", row.Kind);
                writer.EndItem();
            }),
        };
    });

    public static KtoRows? Image(KtoRequest request)
    {
        var menu = request.OneOf("imageYN", "Y", "N") == "N";
        return Detail(request, typed: false, index =>
        {
            var item = request.Catalog.Items[index];
            var id = item.ContentId.ToString(CultureInfo.InvariantCulture);
            var first = item.ImageId + (menu ? 100 : 0);
            return new KtoRows(DestinationDetails.ImageCount(item, menu), (writer, position) =>
            {
                writer.BeginItem();
                writer.Text("contentid", id);
                writer.Text("originimgurl", DestinationText.ImageUrl(first + position, small: false));
                writer.Text("imgname", $"{item.Title} ({position + 1})");
                writer.Text("smallimageurl", DestinationText.ImageUrl(first + position, small: true));
                writer.Text("cpyrhtDivCd", DestinationText.CopyrightCode(item.Copyright));
                writer.Text("serialnum", $"{first + position}_{position + 1}");
                writer.EndItem();
            });
        });
    }

    /// <summary>A course's stops: other listed destinations of the same district (sights and restaurants first).</summary>
    private static KtoRows CourseRows(KtoRequest request, Destination course, string id)
    {
        var catalog = request.Catalog;
        var stops = catalog.Query(new CatalogFilter { AreaCode = course.Area.Code, SigunguCode = course.District.Code, Arrange = 'A' })
            .Where(index => catalog.Items[index].Type.Id is 12 or 14 or 39)
            .Take(2 + (int)(course.Variant % 4))
            .ToList();
        return KtoRows.Of(stops, (writer, stop, position) =>
        {
            ref readonly var item = ref catalog.Items[stop];
            writer.BeginItem();
            writer.Text("contentid", id);
            KtoItemWriter.ContentTypeId(writer, request, 25);
            writer.Text("subnum", position.ToString(CultureInfo.InvariantCulture));
            writer.Text("subcontentid", item.ContentId.ToString(CultureInfo.InvariantCulture));
            writer.Text("subname", item.Title);
            writer.Text("subdetailoverview", DestinationText.Overview(item, catalog.Revisions[stop]));
            writer.Text("subdetailimg", item.HasImage ? DestinationText.ImageUrl(item.ImageId, small: false) : "");
            writer.Text("subdetailalt", item.Title);
            writer.EndItem();
        });
    }

    private static readonly KtoRows Empty = new(0, static (_, _) => { });

    /// <summary>
    /// The rows of one listed destination: null when a parameter is malformed, empty when the contentId is unknown or
    /// deleted, or (with <paramref name="typed"/>) when contentTypeId is not the destination's.
    /// </summary>
    private static KtoRows? Detail(KtoRequest request, bool typed, Func<int, KtoRows> rows)
    {
        var contentId = request.Int("contentId");
        var type = typed ? request.Int("contentTypeId") : null;
        if (request.InvalidParameter is not null)
        {
            return null;
        }
        var catalog = request.Catalog;
        if (contentId is null || catalog.IndexOf(contentId.Value) is not { } index || catalog.IsDeleted(index)
            || type is not null && catalog.Items[index].Type.Id != type)
        {
            return Empty;
        }
        return rows(index);
    }
}
