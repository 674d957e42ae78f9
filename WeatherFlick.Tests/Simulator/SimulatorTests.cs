namespace WeatherFlick.Tests.Simulator;

/// <summary>
/// A test class sharing one simulator (its fixture) across its tests, each starting from a reset server: zero
/// counters, the fixture's clock and the configured runtime settings.
/// </summary>
public abstract class SimulatorTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : SimulatorFixture
{
    protected TFixture Fixture { get; } = fixture;

    protected SimApi Api => Fixture.Api;

    public Task InitializeAsync() => Api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
