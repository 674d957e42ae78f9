using WeatherFlick.AppHost.Hosting.ApplicationModel;
using WeatherFlick.AppHost.Hosting.Local;

namespace WeatherFlick.AppHost.Hosting.Orchestration;

internal static class EndpointAllocator
{
    /// <summary>
    /// Gives every endpoint its address for the whole run (a restarted resource keeps it). TCP servers listen on the
    /// IPv4 loopback only, so their host is 127.0.0.1; HTTP endpoints are named localhost, as Aspire names them.
    /// </summary>
    public static void Allocate(DistributedApplicationModel model, bool randomizePorts)
    {
        var taken = new HashSet<int>();
        foreach (var endpoint in model.Resources.SelectMany(r => r.Annotations.OfType<EndpointAnnotation>()))
        {
            var port = endpoint.Port is { } fixedPort && !randomizePorts ? fixedPort : NativeProcess.FreeTcpPort();
            while (!taken.Add(port))
            {
                port = NativeProcess.FreeTcpPort();
            }
            endpoint.AllocatedEndpoint = new AllocatedEndpoint(endpoint, endpoint.UriScheme == "tcp" ? "127.0.0.1" : "localhost", port);
        }
    }
}
