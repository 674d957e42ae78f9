using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using WeatherFlick.ServiceDefaults.Health;
using WeatherFlick.ServiceDefaults.Telemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The Aspire ServiceDefaults template: service discovery, resilience, health checks and OpenTelemetry for every
/// WeatherFlick service. Departures from the template: our <c>WeatherFlick.*</c> sources and meters, span URLs
/// without secrets, and health endpoints in every environment.
/// </summary>
public static class Extensions
{
    private const string HealthEndpointPath = "/health";
    private const string AlivenessEndpointPath = "/alive";

    /// <summary>Our ActivitySources and Meters are all named <c>WeatherFlick.&lt;Feature&gt;</c>.</summary>
    private const string OurTelemetry = "WeatherFlick.*";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();

        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();

        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(OurTelemetry);
            })
            .WithTracing(tracing =>
            {
                // The AppHost sets OTEL_TRACES_SAMPLER=always_on, which records the database and Redis commands of
                // a filtered-out health probe as traces of their own (hundreds a minute on the dashboard). Parent-based
                // keeps every root span and drops the children of an unrecorded one.
                tracing.SetSampler(new ParentBasedSampler(new AlwaysOnSampler()))
                    .AddSource(builder.Environment.ApplicationName, OurTelemetry)
                    .AddAspNetCoreInstrumentation(aspNetCore =>
                        // Probes arrive every few seconds from every orchestrator; recording them drowns real traffic.
                        aspNetCore.Filter = context =>
                            !context.Request.Path.StartsWithSegments(HealthEndpointPath)
                            && !context.Request.Path.StartsWithSegments(AlivenessEndpointPath))
                    .AddHttpClientInstrumentation()
                    // Processors see a span in the order they were added: this one comes before every exporter,
                    // including the OTLP exporter added below and anything a test adds later.
                    .AddProcessor(new SecretQueryRedaction());
            });

        builder.AddOpenTelemetryExporters();

        return builder;
    }

    private static TBuilder AddOpenTelemetryExporters<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var useOtlpExporter = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        if (useOtlpExporter)
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);

        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (every check) and <c>/alive</c> (checks tagged <c>live</c>). Unlike the template, in every
    /// environment: container probes (Azure Container Apps) need them in production. Details are written only in
    /// Development; elsewhere the status alone, so a probe's answer tells an outsider nothing about our servers.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        Func<HttpContext, HealthReport, Task> writer = app.Environment.IsDevelopment()
            ? HealthReportWriter.WriteDetailsAsync
            : HealthReportWriter.WriteStatusAsync;

        // Readiness: every check, PostgreSQL and Redis included.
        app.MapHealthChecks(HealthEndpointPath, new HealthCheckOptions { ResponseWriter = writer });

        // Liveness: only the process itself, so a down database never gets the service restarted.
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains("live"),
            ResponseWriter = writer,
        });

        return app;
    }
}
