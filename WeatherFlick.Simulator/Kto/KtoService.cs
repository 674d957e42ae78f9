using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using WeatherFlick.Simulator.Gateway;
using WeatherFlick.Simulator.Hosting;
using WeatherFlick.Simulator.Kto.Dataset;
using WeatherFlick.Simulator.Responses;

namespace WeatherFlick.Simulator.Kto;

/// <summary>
/// KTO TourAPI 4.0 KorService2 behind the gateway: per-operation parameter whitelists (flat errors 10 and 11), the
/// <c>response</c> envelope in XML (default) or JSON, and the destination catalogue as of the simulator clock.
/// </summary>
internal sealed class KtoService : ISimulatedService
{
    public const string ServiceName = "KorService2";

    /// <summary>Accepted by every operation: the key (read by the gateway), the app identity, format and paging.</summary>
    private static readonly string[] Common = ["serviceKey", "ServiceKey", "MobileOS", "MobileApp", "_type", "numOfRows", "pageNo"];

    private static readonly string[] MobileOperatingSystems = ["IOS", "AND", "WIN", "ETC", "WEB"];

    private static readonly string[] Region = ["areaCode", "sigunguCode", "lDongRegnCd", "lDongSignguCd"];
    private static readonly string[] Classes = ["cat1", "cat2", "cat3", "lclsSystm1", "lclsSystm2", "lclsSystm3"];
    private static readonly string[] NewClasses = ["lclsSystm1", "lclsSystm2", "lclsSystm3"];

    /// <summary>Parameters KorService1's detailCommon1 took and KorService2 rejects.</summary>
    private static readonly string[] RemovedDetailFlags =
        ["contentTypeId", "defaultYN", "firstImageYN", "areacodeYN", "catcodeYN", "addrinfoYN", "mapinfoYN", "overviewYN", "transGuideYN"];

    private readonly TourCatalog _catalog;
    private readonly KtoOptions _options;
    private readonly Dictionary<string, KtoOperation> _operations;

    public KtoService(TourCatalog catalog, IOptions<SimulatorOptions> options)
    {
        _catalog = catalog;
        _options = options.Value.Kto;
        var introRequired = _options.DetailIntroRequiresContentTypeId ? new[] { "contentId", "contentTypeId" } : ["contentId"];
        _operations = new[]
        {
            Operation("areaCode2", ["areaCode"], [], KtoCodeOperations.AreaCode),
            Operation("categoryCode2", ["contentTypeId", "cat1", "cat2", "cat3"], [], KtoCodeOperations.CategoryCode),
            Operation("ldongCode2", ["lDongRegnCd", "lDongListYn"], [], KtoCodeOperations.LDongCode),
            Operation("lclsSystmCode2", [.. NewClasses, "lclsSystmListYn"], [], KtoCodeOperations.LclsSystmCode),
            Operation("areaBasedList2", ["arrange", "contentTypeId", .. Region, .. Classes, "modifiedtime"], [], KtoListOperations.AreaBased),
            Operation("locationBasedList2", ["arrange", "contentTypeId", "mapX", "mapY", "radius", "lDongRegnCd", "lDongSignguCd", .. NewClasses, "modifiedtime"],
                ["mapX", "mapY", "radius"], KtoListOperations.LocationBased),
            Operation("searchKeyword2", ["keyword", "arrange", "contentTypeId", .. Region, .. Classes], ["keyword"], KtoListOperations.SearchKeyword),
            Operation("searchFestival2", ["eventStartDate", "eventEndDate", "arrange", .. Region, .. NewClasses, "modifiedtime"], ["eventStartDate"], KtoListOperations.SearchFestival),
            Operation("searchStay2", ["arrange", .. Region, .. NewClasses, "modifiedtime"], [], KtoListOperations.SearchStay),
            Operation("detailCommon2", _options.DetailCommonRejectsExtraParameters ? ["contentId"] : ["contentId", .. RemovedDetailFlags], ["contentId"], KtoDetailOperations.Common),
            Operation("detailIntro2", ["contentId", "contentTypeId"], introRequired, KtoDetailOperations.Intro),
            Operation("detailInfo2", ["contentId", "contentTypeId"], introRequired, KtoDetailOperations.Info),
            Operation("detailImage2", ["contentId", "imageYN"], ["contentId"], KtoDetailOperations.Image),
            Operation("areaBasedSyncList2", ["showflag", "modifiedtime", "oldContentid", "arrange", "contentTypeId", .. Region, .. Classes], [], KtoListOperations.AreaBasedSync),
        }.ToDictionary(operation => operation.Name, StringComparer.Ordinal);
    }

    public Provider Provider => Provider.Kto;

    public bool Serves(string service, string operation) => service == ServiceName && _operations.ContainsKey(operation);

    public ServiceAnswer WrappedNoData(QueryParameters query) =>
        ServiceAnswer.HeaderOnly(KtoRequest.FormatOf(query), "03", "NODATA_ERROR", AnswerKind.NoData);

    public ServiceAnswer Answer(string operationName, QueryParameters query, DateTimeOffset now)
    {
        var operation = _operations[operationName];
        foreach (var (name, _) in query.Pairs)
        {
            if (!operation.Accepted.Contains(name))
            {
                return FlatError(now, "10", $"INVALID_REQUEST_PARAMETER_ERROR({name})");
            }
        }
        foreach (var name in operation.Required)
        {
            if (!query.Has(name))
            {
                return FlatError(now, "11", $"NO_MANDATORY_REQUEST_PARAMETERS_ERROR1({name})");
            }
        }

        var request = new KtoRequest(query, _catalog.At(now), _options);
        request.OneOf("MobileOS", MobileOperatingSystems);
        var (numOfRows, pageNo) = (request.NumOfRows, request.PageNo);
        var rows = request.InvalidParameter is null ? operation.Rows(request) : null;
        if (rows is null)
        {
            return FlatError(now, "10", $"INVALID_REQUEST_PARAMETER_ERROR({request.InvalidParameter})");
        }
        return Envelope(request, rows, numOfRows, pageNo);
    }

    private ServiceAnswer Envelope(KtoRequest request, KtoRows rows, int numOfRows, int pageNo)
    {
        var body = new PooledBufferWriter(Math.Clamp(numOfRows, 1, 2_000) * 900);
        var writer = EnvelopeWriter.Create(request.Format, body);
        var start = (long)(pageNo - 1) * numOfRows;
        var count = (int)Math.Clamp(rows.Total - start, 0, numOfRows);
        writer.BeginResponse("0000", "OK");
        writer.BeginBody();
        if (count == 0)
        {
            writer.EmptyItems(asNull: _options.EmptyItems == "Null");
        }
        else
        {
            writer.BeginItems(singleObject: count == 1 && _options.SingleItemAsObject);
            for (var i = 0; i < count; i++)
            {
                rows.Write(writer, (int)start + i);
            }
            writer.EndItems();
        }
        writer.Number("numOfRows", numOfRows);
        writer.Number("pageNo", pageNo);
        writer.Number("totalCount", rows.Total);
        writer.EndBody();
        writer.EndResponse();
        return new ServiceAnswer(body, writer.ContentType, count == 0 ? AnswerKind.Empty : AnswerKind.Data);
    }

    /// <summary>
    /// KorService2's parameter errors: a flat JSON object with no <c>response</c> wrapper, HTTP 200. Only the JSON form
    /// has been observed, so it is sent whatever <c>_type</c> asked for.
    /// </summary>
    private static ServiceAnswer FlatError(DateTimeOffset now, string code, string message)
    {
        var body = new PooledBufferWriter(256);
        using (var json = new Utf8JsonWriter(body, JsonEnvelopeWriter.Options))
        {
            json.WriteStartObject();
            json.WriteString("responseTime", now.ToOffset(Clock.Kst.Offset).ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture));
            json.WriteString("resultCode", code);
            json.WriteString("resultMsg", message);
            json.WriteEndObject();
        }
        return new ServiceAnswer(body, "application/json;charset=UTF-8", AnswerKind.InvalidRequest);
    }

    private static KtoOperation Operation(string name, string[] accepted, string[] required, Func<KtoRequest, KtoRows?> rows) =>
        new(name, new HashSet<string>([.. Common, .. accepted], StringComparer.Ordinal), ["MobileOS", "MobileApp", .. required], rows);
}
