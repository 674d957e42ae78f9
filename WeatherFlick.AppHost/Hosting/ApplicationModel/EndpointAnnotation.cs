namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>
/// A network endpoint of a resource. <see cref="Port"/> is the port asked for on this machine (null: any free one);
/// <see cref="TargetPort"/> is the port the workload listens on once deployed (the container's port).
/// </summary>
public sealed class EndpointAnnotation(string name, string uriScheme, string transport, int? port = null, int? targetPort = null)
    : IResourceAnnotation
{
    public string Name { get; } = name;

    public string UriScheme { get; } = uriScheme;

    /// <summary><c>http</c>, <c>http2</c> or <c>tcp</c>, as the manifest's bindings say.</summary>
    public string Transport { get; } = transport;

    public string Protocol => "tcp";

    public int? Port { get; set; } = port;

    public int? TargetPort { get; set; } = targetPort;

    /// <summary>Reachable from outside the deployment's environment (Azure Container Apps ingress).</summary>
    public bool IsExternal { get; set; }

    /// <summary>Where this endpoint is listening in run mode; set when the application starts.</summary>
    public AllocatedEndpoint? AllocatedEndpoint { get; set; }
}
