using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace WeatherFlick.ServiceDefaults.Telemetry;

/// <summary>
/// Resolves the tracer and meter providers when the host starts, as OpenTelemetry.Extensions.Hosting does:
/// a provider that is never resolved never listens. Disposing the service provider flushes them.
/// </summary>
internal sealed class TelemetryHostedService(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetService<MeterProvider>();
        _ = services.GetService<TracerProvider>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
