using System.Globalization;

namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>One property of an endpoint (host, port, URL…), usable inside a <see cref="ReferenceExpression"/>.</summary>
public sealed class EndpointReferenceExpression(EndpointReference endpoint, EndpointProperty property) : IValueProvider, IManifestExpressionProvider
{
    public EndpointReference Endpoint { get; } = endpoint;

    public EndpointProperty Property { get; } = property;

    public string ValueExpression => "{" + $"{Endpoint.Resource.Name}.bindings.{Endpoint.EndpointName}.{PropertyName}" + "}";

    private string PropertyName => Property switch
    {
        EndpointProperty.Url => "url",
        EndpointProperty.Host => "host",
        EndpointProperty.Port => "port",
        EndpointProperty.TargetPort => "targetPort",
        EndpointProperty.Scheme => "scheme",
        _ => throw new ArgumentOutOfRangeException(nameof(Property)),
    };

    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>(Property switch
    {
        EndpointProperty.Url => Endpoint.Url,
        EndpointProperty.Host => Endpoint.Host,
        EndpointProperty.Port or EndpointProperty.TargetPort => Endpoint.Port.ToString(CultureInfo.InvariantCulture),
        EndpointProperty.Scheme => Endpoint.Endpoint.UriScheme,
        _ => throw new ArgumentOutOfRangeException(nameof(Property)),
    });
}
