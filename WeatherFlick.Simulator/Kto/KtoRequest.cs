using System.Globalization;
using WeatherFlick.Simulator.Gateway;
using WeatherFlick.Simulator.Kto.Dataset;
using WeatherFlick.Simulator.Responses;

namespace WeatherFlick.Simulator.Kto;

/// <summary>
/// One KorService2 call after the whitelist check: typed access to its parameters. A malformed value does not throw;
/// the first one is remembered in <see cref="InvalidParameter"/> and the operation answers error 10 naming it.
/// </summary>
internal sealed class KtoRequest(QueryParameters query, CatalogSnapshot catalog, KtoOptions options)
{
    public QueryParameters Query { get; } = query;

    public CatalogSnapshot Catalog { get; } = catalog;

    public KtoOptions Options { get; } = options;

    public string? InvalidParameter { get; private set; }

    public ResponseFormat Format => FormatOf(Query);

    public static ResponseFormat FormatOf(QueryParameters query) =>
        string.Equals(query["_type"], "json", StringComparison.OrdinalIgnoreCase) ? ResponseFormat.Json : ResponseFormat.Xml;

    public int NumOfRows => Int("numOfRows", minimum: 1) ?? 10;

    public int PageNo => Int("pageNo", minimum: 1) ?? 1;

    public string? Text(string name) => Query[name];

    public int? Int(string name, int minimum = int.MinValue, int maximum = int.MaxValue)
    {
        var text = Query[name];
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum)
        {
            return value;
        }
        return Invalid<int?>(name, null);
    }

    public double? Double(string name)
    {
        var text = Query[name];
        if (text is null)
        {
            return null;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : Invalid<double?>(name, null);
    }

    /// <summary>A <c>YYYYMMDD</c> date.</summary>
    public DateOnly? Date(string name)
    {
        var text = Query[name];
        if (text is null)
        {
            return null;
        }
        return DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : Invalid<DateOnly?>(name, null);
    }

    /// <summary>A value from a closed set (Y/N flags, showflag, arrange).</summary>
    public string? OneOf(string name, params string[] allowed)
    {
        var text = Query[name];
        if (text is null || allowed.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }
        return Invalid<string?>(name, null);
    }

    public T Invalid<T>(string name, T fallback)
    {
        InvalidParameter ??= name;
        return fallback;
    }
}
