using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace WeatherFlick.ServiceDefaults.Telemetry;

/// <summary>
/// OpenTelemetry logs, metrics and traces. The instrumentation packages cannot be restored here, so we subscribe by
/// name to the sources and meters the framework and our libraries already publish.
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>Activity sources we listen to; a trailing <c>*</c> is a wildcard.</summary>
    public static readonly string[] TraceSources =
    [
        "Microsoft.AspNetCore", "System.Net.Http", "Npgsql", "WeatherFlick.*",
    ];

    public static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Diagnostics", "Microsoft.AspNetCore.RateLimiting",
        "System.Net.Http", "System.Net.NameResolution", "System.Runtime", "Npgsql", "WeatherFlick.*",
    ];

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var otel = new OpenTelemetryBuilder(builder.Services)
            .WithMetrics(metrics => metrics.AddMeter(Meters))
            .WithTracing(tracing => tracing.AddSource(TraceSources));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // Reads OTEL_EXPORTER_OTLP_ENDPOINT / _PROTOCOL / _HEADERS; the default resource already reads
            // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES.
            otel.UseOtlpExporter();
        }

        builder.Services.AddHostedService<TelemetryHostedService>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, HttpServerSpanStartupFilter>());
        return builder;
    }
}
