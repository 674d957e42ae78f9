using Microsoft.Extensions.DependencyInjection;
using WeatherFlick.Simulator.Hosting;

namespace WeatherFlick.Tests.Infrastructure;

/// <summary>
/// The real job server on a hand-set clock over a migrated database, with a <see cref="DatabaseSeed"/> on the same
/// clock: for jobs that read what collectors wrote (quality, alerts, raw-expiry). The job server needs provider
/// settings, so it points at the smallest simulator, which these jobs never call.
/// </summary>
public sealed class DatabaseJobHost : IAsyncDisposable
{
    private readonly SimulatorServer _sim;

    private DatabaseJobHost(SimulatorServer sim, JobServer jobs, ManualClock clock)
    {
        _sim = sim;
        Jobs = jobs;
        Clock = clock;
        Seed = new DatabaseSeed(jobs.Database, clock);
    }

    public JobServer Jobs { get; }

    public ManualClock Clock { get; }

    public DatabaseSeed Seed { get; }

    /// <summary>The simulator's service keys, which are the job server's configured keys for both providers.</summary>
    public IReadOnlyList<string> Keys => _sim.Options.Keys;

    /// <param name="database">A database to share with another host (two job-server instances); a new one when null.</param>
    public static async Task<DatabaseJobHost> StartAsync(PostgresServerFixture postgres, RedisServerFixture redis, DateTimeOffset now,
        IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null, string? database = null, ManualClock? clock = null)
    {
        clock ??= new ManualClock(now);
        var sim = await SimulatorServer.StartAsync(o =>
        {
            o.Size = 1000;
            o.StartTime = now;
            o.FreezeClock = true;
        });
        try
        {
            var jobs = await JobServer.StartAsync(sim, database ?? await postgres.CreateDatabaseAsync("jobs"), redis.ConnectionString, settings, clock, services);
            return new DatabaseJobHost(sim, jobs, clock);
        }
        catch
        {
            await sim.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Seed.DisposeAsync();
        await Jobs.DisposeAsync();
        await _sim.DisposeAsync();
    }
}
