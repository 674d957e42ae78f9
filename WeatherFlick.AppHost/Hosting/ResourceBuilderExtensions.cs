using WeatherFlick.AppHost.Hosting.ApplicationModel;

namespace WeatherFlick.AppHost.Hosting;

/// <summary>The <c>With…</c> and <c>WaitFor</c> extensions shared by every kind of resource, named as in Aspire.</summary>
public static class ResourceBuilderExtensions
{
    public static IResourceBuilder<T> WithAnnotation<T>(this IResourceBuilder<T> builder, IResourceAnnotation annotation) where T : IResource
    {
        builder.Resource.Annotations.Add(annotation);
        return builder;
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, Action<EnvironmentCallbackContext> callback)
        where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new EnvironmentCallbackAnnotation(callback));

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment(context => context.EnvironmentVariables[name] = value);

    /// <summary>A value known when the application runs: a <see cref="ReferenceExpression"/>, an endpoint, a parameter.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, IValueProvider value)
        where T : IResourceWithEnvironment
    {
        if (value is not IManifestExpressionProvider)
        {
            throw new ArgumentException($"{value.GetType().Name} has no manifest expression.", nameof(value));
        }
        return builder.WithEnvironment(context => context.EnvironmentVariables[name] = value);
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, IResourceBuilder<ParameterResource> parameter)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment(name, parameter.Resource);

    /// <summary>Injects <c>ConnectionStrings__{name}</c> (Aspire's convention), read by <c>GetConnectionString(name)</c>.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source, string? connectionName = null)
        where T : IResourceWithEnvironment
    {
        var resource = source.Resource;
        var variable = resource.ConnectionStringEnvironmentVariable ?? $"ConnectionStrings__{connectionName ?? resource.Name}";
        return builder
            .WithAnnotation(new ResourceRelationshipAnnotation(resource, "Reference"))
            .WithEnvironment(context => context.EnvironmentVariables[variable] = resource);
    }

    /// <summary>Injects <c>services__{name}__{endpoint}__0</c> for each HTTP endpoint of <paramref name="source"/> (service discovery).</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithServiceDiscovery> source)
        where T : IResourceWithEnvironment
    {
        var resource = source.Resource;
        return builder
            .WithAnnotation(new ResourceRelationshipAnnotation(resource, "Reference"))
            .WithEnvironment(context =>
            {
                foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>().Where(e => e.UriScheme is "http" or "https"))
                {
                    context.EnvironmentVariables[$"services__{resource.Name}__{endpoint.Name}__0"] = resource.GetEndpoint(endpoint.Name);
                }
            });
    }

    /// <summary>Holds this resource in <c>Waiting</c> until <paramref name="dependency"/> is running and healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : IResourceWithWaitSupport =>
        builder.WithAnnotation(new WaitAnnotation(dependency.Resource))
            .WithAnnotation(new ResourceRelationshipAnnotation(dependency.Resource, "WaitFor"));

    public static IResourceBuilder<T> WithEndpoint<T>(this IResourceBuilder<T> builder, string name, string scheme, int? port = null, int? targetPort = null, string? env = null)
        where T : IResourceWithEndpoints
    {
        if (builder.Resource.Annotations.OfType<EndpointAnnotation>().Any(e => e.Name == name))
        {
            throw new InvalidOperationException($"Resource '{builder.Resource.Name}' already has an endpoint named '{name}'.");
        }
        var endpoint = new EndpointAnnotation(name, scheme, scheme == "tcp" ? "tcp" : "http", port, targetPort);
        builder.WithAnnotation(endpoint);
        if (env is not null && builder.Resource is IResourceWithEnvironment)
        {
            // The program learns its port from this variable (executables have no ASPNETCORE_URLS).
            var reference = new EndpointReference(builder.Resource, name).Property(EndpointProperty.TargetPort);
            builder.Resource.Annotations.Add(new EnvironmentCallbackAnnotation(context => context.EnvironmentVariables[env] = reference));
        }
        return builder;
    }

    /// <summary>An HTTP endpoint; <paramref name="port"/> is fixed on this machine unless ports are randomised, null picks a free one.</summary>
    public static IResourceBuilder<T> WithHttpEndpoint<T>(this IResourceBuilder<T> builder, int? port = null, int? targetPort = null, string name = "http", string? env = null)
        where T : IResourceWithEndpoints =>
        builder.WithEndpoint(name, "http", port, targetPort, env);

    /// <summary>Marks the HTTP endpoints as reachable from outside the deployment (the manifest's <c>external</c>).</summary>
    public static IResourceBuilder<T> WithExternalHttpEndpoints<T>(this IResourceBuilder<T> builder) where T : IResourceWithEndpoints
    {
        foreach (var endpoint in builder.Resource.Annotations.OfType<EndpointAnnotation>().Where(e => e.UriScheme is "http" or "https"))
        {
            endpoint.IsExternal = true;
        }
        return builder;
    }

    /// <summary>The resource counts as healthy only while GET <paramref name="path"/> answers 2xx.</summary>
    public static IResourceBuilder<T> WithHttpHealthCheck<T>(this IResourceBuilder<T> builder, string path = "/health", string endpointName = "http")
        where T : IResourceWithEndpoints =>
        builder.WithAnnotation(new HttpHealthCheckAnnotation(endpointName, path));

    public static EndpointReference GetEndpoint<T>(this IResourceBuilder<T> builder, string name) where T : IResourceWithEndpoints =>
        new(builder.Resource, name);
}
