using Microsoft.Extensions.Configuration;
using WeatherFlick.AppHost.Hosting.ApplicationModel;

namespace WeatherFlick.AppHost.Hosting;

public static class ProjectResourceBuilderExtensions
{
    /// <summary>
    /// A project of the solution (<typeparamref name="TProject"/> is generated from the AppHost's project references).
    /// Run mode starts its built assembly with the environment Aspire injects: <c>ASPNETCORE_URLS</c>,
    /// <c>ASPNETCORE_ENVIRONMENT=Development</c>, <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c> and, when a
    /// collector is configured (<c>AppHost:OtlpEndpoint</c>), the OTLP exporter settings.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new()
    {
        var resource = new ProjectResource(name, new TProject());
        var configuration = builder.Configuration;
        return builder.AddResource(resource).WithEnvironment(context =>
        {
            var variables = context.EnvironmentVariables;
            var httpEndpoints = resource.Annotations.OfType<EndpointAnnotation>().Where(e => e.UriScheme is "http" or "https").ToList();
            if (context.ExecutionContext.IsPublishMode)
            {
                variables["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES"] = "true";
                variables["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES"] = "true";
                variables["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = "in_memory";
                variables["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true";
                if (httpEndpoints.Count > 0)
                {
                    variables["HTTP_PORTS"] = new EndpointReference(resource, httpEndpoints[0].Name).Property(EndpointProperty.TargetPort);
                }
                return;
            }

            variables["ASPNETCORE_ENVIRONMENT"] = "Development";
            variables["DOTNET_ENVIRONMENT"] = "Development";
            variables["ASPNETCORE_URLS"] = string.Join(';', httpEndpoints.Select(e => new EndpointReference(resource, e.Name).Url));
            variables["OTEL_SERVICE_NAME"] = name;
            variables["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={Guid.NewGuid():N}";
            var otlp = configuration[$"{AppHostOptions.SectionName}:{nameof(AppHostOptions.OtlpEndpoint)}"];
            if (!string.IsNullOrWhiteSpace(otlp))
            {
                variables["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp;
                variables["OTEL_EXPORTER_OTLP_PROTOCOL"] = configuration[$"{AppHostOptions.SectionName}:{nameof(AppHostOptions.OtlpProtocol)}"] ?? "grpc";
                // Short export intervals, so a local collector shows what just happened.
                variables["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
                variables["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
                variables["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
            }
        });
    }
}
