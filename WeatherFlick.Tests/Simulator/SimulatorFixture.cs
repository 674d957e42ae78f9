using WeatherFlick.Simulator.Hosting;

namespace WeatherFlick.Tests.Simulator;

/// <summary>
/// One in-process simulator per test class: a small catalogue (1,000 destinations), a frozen clock at a fixed KST
/// instant and no rate limit, so tests are fast and repeatable. Tests that change state reset it first.
/// </summary>
public class SimulatorFixture : IAsyncLifetime
{
    /// <summary>2025-07-01 09:00 KST: after the dataset epoch and the KMA horizon extension, mid-morning for issue times.</summary>
    public static readonly DateTimeOffset Start = new(2025, 7, 1, 9, 0, 0, TimeSpan.FromHours(9));

    public SimulatorServer Server { get; private set; } = null!;

    public SimApi Api { get; private set; } = null!;

    protected virtual void Configure(SimulatorOptions options)
    {
    }

    public async Task InitializeAsync()
    {
        Server = await StartServerAsync(Configure);
        Api = new SimApi(Server);
    }

    /// <summary>Another server with the fixtures' base settings, adjusted by <paramref name="configure"/>.</summary>
    public static Task<SimulatorServer> StartServerAsync(Action<SimulatorOptions>? configure = null) => SimulatorServer.StartAsync(options =>
    {
        options.Size = 1_000;
        options.StartTime = Start;
        options.FreezeClock = true;
        options.RatePerSecond = 0;
        configure?.Invoke(options);
    });

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
