using System.Globalization;

namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>The address an endpoint got in run mode.</summary>
public sealed class AllocatedEndpoint(EndpointAnnotation endpoint, string address, int port)
{
    public EndpointAnnotation Endpoint { get; } = endpoint;

    public string Address { get; } = address;

    public int Port { get; } = port;

    public string UriString => $"{Endpoint.UriScheme}://{Address}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
