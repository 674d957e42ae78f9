using Microsoft.Extensions.Hosting;
using WeatherFlick.Simulator.Clock;
using WeatherFlick.Simulator.Kto.Dataset;

namespace WeatherFlick.Simulator.Hosting;

/// <summary>Generates the catalogue before the server takes requests, so the first call is not the slow one.</summary>
internal sealed class CatalogWarmup(TourCatalog catalog, SimulatorClock clock) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        catalog.At(clock.GetUtcNow()).Query(new CatalogFilter());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
