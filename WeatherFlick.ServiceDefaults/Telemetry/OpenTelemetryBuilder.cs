using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;

namespace WeatherFlick.ServiceDefaults.Telemetry;

/// <summary>
/// Our stand-in for <c>services.AddOpenTelemetry()</c> from OpenTelemetry.Extensions.Hosting (not restorable here):
/// the SDK's own <c>WithTracing</c>/<c>WithMetrics</c>/<c>UseOtlpExporter</c> extensions work on any
/// <see cref="IOpenTelemetryBuilder"/>; <see cref="TelemetryHostedService"/> starts the providers.
/// </summary>
internal sealed class OpenTelemetryBuilder(IServiceCollection services) : IOpenTelemetryBuilder
{
    public IServiceCollection Services { get; } = services;
}
