using WeatherFlick.AppHost.Hosting.ApplicationModel;

namespace WeatherFlick.AppHost.Hosting.Testing;

/// <summary>What a test needs from a started application, named as in Aspire.Hosting.Testing.</summary>
public static class DistributedApplicationHostingTestingExtensions
{
    /// <summary>An <see cref="HttpClient"/> whose base address is the resource's endpoint (its first HTTP one by default).</summary>
    public static HttpClient CreateHttpClient(this DistributedApplication app, string resourceName, string? endpointName = null) =>
        new() { BaseAddress = app.GetEndpoint(resourceName, endpointName) };

    public static Uri GetEndpoint(this DistributedApplication app, string resourceName, string? endpointName = null)
    {
        var resource = app.Model.Find(resourceName);
        var endpoint = resource.Annotations.OfType<EndpointAnnotation>()
            .FirstOrDefault(e => endpointName is null ? e.UriScheme is "http" or "https" : e.Name == endpointName)
            ?? throw new ArgumentException($"Resource '{resourceName}' has no {(endpointName is null ? "HTTP endpoint" : $"endpoint named '{endpointName}'")}.", nameof(endpointName));
        return new Uri(endpoint.AllocatedEndpoint?.UriString
            ?? throw new InvalidOperationException("The application has not started: endpoints get their ports at start."));
    }

    /// <summary>The resource's connection string with its real values (a test connects with it; never log it).</summary>
    public static ValueTask<string?> GetConnectionStringAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken = default) =>
        app.Model.Find(resourceName) is IResourceWithConnectionString resource
            ? resource.ConnectionStringExpression.GetValueAsync(cancellationToken)
            : throw new ArgumentException($"Resource '{resourceName}' has no connection string.", nameof(resourceName));
}
