namespace WeatherFlick.Tests.Infrastructure;

/// <summary>A span as an OTLP exporter sent it: enough of it to assert on.</summary>
public sealed record OtlpSpan(string ServiceName, string Scope, string Name, int Kind, IReadOnlyDictionary<string, object> Attributes)
{
    public const int KindServer = 2;
    public const int KindClient = 3;
}
