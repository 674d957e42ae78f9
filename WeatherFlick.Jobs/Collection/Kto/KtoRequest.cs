using System.Globalization;

namespace WeatherFlick.Jobs.Collection.Kto;

/// <summary>Builds KorService2 parameters: the required MobileOS/MobileApp and JSON, plus the operation's own.</summary>
public static class KtoRequest
{
    public static IReadOnlyList<KeyValuePair<string, string>> With(string mobileApp, params (string Name, object Value)[] parameters) =>
    [
        new("MobileOS", "ETC"),
        new("MobileApp", mobileApp),
        new("_type", "json"),
        .. parameters.Select(p => new KeyValuePair<string, string>(p.Name, Convert.ToString(p.Value, CultureInfo.InvariantCulture)!)),
    ];
}
