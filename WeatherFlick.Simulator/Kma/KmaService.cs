using System.Globalization;
using Microsoft.Extensions.Options;
using WeatherFlick.Simulator.Clock;
using WeatherFlick.Simulator.Gateway;
using WeatherFlick.Simulator.Geography;
using WeatherFlick.Simulator.Hosting;
using WeatherFlick.Simulator.Responses;

namespace WeatherFlick.Simulator.Kma;

/// <summary>
/// KMA VilageFcstInfoService_2.0 behind the gateway. Unanswerable requests (missing or malformed parameters, a base
/// time that is not an issue time, a cell outside the grid, an issue not yet published) get the header-only
/// <c>03 NO_DATA</c>; issues older than the history window get code 10 with the service's Korean message.
/// </summary>
internal sealed class KmaService : ISimulatedService
{
    public const string ServiceName = "VilageFcstInfoService_2.0";
    public const string Nowcast = "getUltraSrtNcst";
    public const string UltraShortForecast = "getUltraSrtFcst";
    public const string ShortTermForecast = "getVilageFcst";
    public const string ForecastVersion = "getFcstVersion";

    private static readonly HashSet<string> Known = [Nowcast, UltraShortForecast, ShortTermForecast, ForecastVersion];

    private readonly KmaOptions _options;
    private readonly KmaIssueRules _rules;
    private readonly KmaProducts _products;

    public KmaService(IOptions<SimulatorOptions> options)
    {
        _options = options.Value.Kma;
        _rules = new KmaIssueRules(_options);
        _products = new KmaProducts(new WeatherModel(options.Value.Seed), _options);
    }

    public Provider Provider => Provider.Kma;

    public bool Serves(string service, string operation) => service == ServiceName && Known.Contains(operation);

    public ServiceAnswer WrappedNoData(QueryParameters query) => NoData(FormatOf(query), AnswerKind.NoData);

    public ServiceAnswer Answer(string operation, QueryParameters query, DateTimeOffset now)
    {
        var format = FormatOf(query);
        var numOfRows = PositiveInt(query["numOfRows"] ?? "10");
        var pageNo = PositiveInt(query["pageNo"] ?? "1");
        if (numOfRows is null || pageNo is null)
        {
            return NoData(format, AnswerKind.InvalidRequest);
        }
        return operation == ForecastVersion
            ? Version(query, now, format, numOfRows.Value, pageNo.Value)
            : Forecast(operation, query, now, format, numOfRows.Value, pageNo.Value);
    }

    private ServiceAnswer Forecast(string operation, QueryParameters query, DateTimeOffset now, ResponseFormat format, int numOfRows, int pageNo)
    {
        var nx = PositiveInt(query["nx"]);
        var ny = PositiveInt(query["ny"]);
        if (!DateOnly.TryParseExact(query["base_date"], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var baseDate)
            || !TryTime(query["base_time"], out var hour, out var minute)
            || nx is null || ny is null || !KmaGrid.Contains(nx.Value, ny.Value)
            || !KmaIssueRules.IsValidBaseTime(operation, hour, minute))
        {
            return NoData(format, AnswerKind.InvalidRequest);
        }
        var issue = KmaIssueRules.Issue(baseDate, hour, minute);
        if (_rules.TooOld(operation, issue, now) is { } message)
        {
            return ServiceAnswer.HeaderOnly(format, _options.HistoryErrorCode, message, AnswerKind.InvalidRequest);
        }
        if (now < _rules.PublishedAt(operation, issue))
        {
            return NoData(format, AnswerKind.NoData);
        }
        var rows = operation switch
        {
            Nowcast => _products.Nowcast(nx.Value, ny.Value, issue),
            UltraShortForecast => _products.UltraShort(nx.Value, ny.Value, issue),
            _ => _products.ShortTerm(nx.Value, ny.Value, issue),
        };
        var baseDateText = query["base_date"]!;
        var baseTimeText = query["base_time"]!;
        return Page(format, rows.Count, numOfRows, pageNo, (writer, position) =>
        {
            var row = rows[position];
            writer.BeginItem();
            writer.Text("baseDate", baseDateText);
            writer.Text("baseTime", baseTimeText);
            writer.Text("category", row.Category);
            if (row.ForecastTime is { } time)
            {
                var local = time.ToOffset(Kst.Offset);
                writer.Text("fcstDate", local.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
                writer.Text("fcstTime", local.ToString("HHmm", CultureInfo.InvariantCulture));
                writer.Text("fcstValue", row.Value);
                writer.Number("nx", nx.Value);
                writer.Number("ny", ny.Value);
            }
            else
            {
                writer.Number("nx", nx.Value);
                writer.Number("ny", ny.Value);
                writer.Text("obsrValue", row.Value);
            }
            writer.EndItem();
        });
    }

    /// <summary>getFcstVersion: the version (publication time) of the file of one product issue.</summary>
    private ServiceAnswer Version(QueryParameters query, DateTimeOffset now, ResponseFormat format, int numOfRows, int pageNo)
    {
        var fileType = query["ftype"];
        var operation = fileType switch { "ODAM" => Nowcast, "VSRT" => UltraShortForecast, "SHRT" => ShortTermForecast, _ => null };
        if (operation is null
            || !DateTime.TryParseExact(query["basedatetime"], "yyyyMMddHHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var baseTime)
            || !KmaIssueRules.IsValidBaseTime(operation, baseTime.Hour, baseTime.Minute))
        {
            return NoData(format, AnswerKind.InvalidRequest);
        }
        var published = _rules.PublishedAt(operation, Kst.At(baseTime));
        if (now < published)
        {
            return NoData(format, AnswerKind.NoData);
        }
        var version = published.ToOffset(Kst.Offset).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        return Page(format, 1, numOfRows, pageNo, (writer, _) =>
        {
            writer.BeginItem();
            writer.Text("filetype", fileType!);
            writer.Text("version", version);
            writer.EndItem();
        });
    }

    /// <summary>The KMA envelope: body fields in the order dataType, items, pageNo, numOfRows, totalCount.</summary>
    private static ServiceAnswer Page(ResponseFormat format, int total, int numOfRows, int pageNo, Action<EnvelopeWriter, int> write)
    {
        var start = (long)(pageNo - 1) * numOfRows;
        var count = (int)Math.Clamp(total - start, 0, numOfRows);
        if (count == 0)
        {
            // Past the last page there is nothing to serve, which this service reports as NO_DATA.
            return NoData(format, AnswerKind.NoData);
        }
        var body = new PooledBufferWriter(Math.Min(count, 2_000) * 220 + 512);
        var writer = EnvelopeWriter.Create(format, body);
        writer.BeginResponse("00", "NORMAL_SERVICE");
        writer.BeginBody();
        writer.Text("dataType", format == ResponseFormat.Json ? "JSON" : "XML");
        writer.BeginItems(singleObject: false);
        for (var i = 0; i < count; i++)
        {
            write(writer, (int)start + i);
        }
        writer.EndItems();
        writer.Number("pageNo", pageNo);
        writer.Number("numOfRows", numOfRows);
        writer.Number("totalCount", total);
        writer.EndBody();
        writer.EndResponse();
        return new ServiceAnswer(body, writer.ContentType, AnswerKind.Data);
    }

    private static ServiceAnswer NoData(ResponseFormat format, AnswerKind kind) => ServiceAnswer.HeaderOnly(format, "03", "NO_DATA", kind);

    private static ResponseFormat FormatOf(QueryParameters query) =>
        string.Equals(query["dataType"], "JSON", StringComparison.OrdinalIgnoreCase) ? ResponseFormat.Json : ResponseFormat.Xml;

    private static int? PositiveInt(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 ? value : null;

    private static bool TryTime(string? text, out int hour, out int minute)
    {
        hour = minute = 0;
        if (text is not { Length: 4 } || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }
        (hour, minute) = (value / 100, value % 100);
        return hour < 24 && minute < 60;
    }
}
