namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>How a value is written in the manifest, e.g. <c>{postgres.bindings.tcp.port}</c>.</summary>
public interface IManifestExpressionProvider
{
    string ValueExpression { get; }
}
