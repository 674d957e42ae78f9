extern alias JobsHost;

using Microsoft.Extensions.DependencyInjection;
using WeatherFlick.Data.Migrations;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Simulator.Hosting;

namespace WeatherFlick.Tests.Infrastructure;

/// <summary>The job server as its Program.cs composes it, pointed at a simulator, a database and Redis.</summary>
public sealed class JobServer : IAsyncDisposable
{
    private readonly ServiceFactory<JobsHost::Program> _factory;

    private JobServer(ServiceFactory<JobsHost::Program> factory, string database)
    {
        _factory = factory;
        Database = database;
    }

    public string Database { get; }

    public IServiceProvider Services => _factory.Services;

    public JobCatalog Jobs => Services.GetRequiredService<JobCatalog>();

    /// <param name="time">Replaces the job server's clock (e.g. a <see cref="ManualClock"/> matching a frozen simulator).</param>
    /// <param name="services">Adds to the job server's services (e.g. a <see cref="TestLogSink"/> as a logger provider).</param>
    public static async Task<JobServer> StartAsync(SimulatorServer sim, string database, string redis, IReadOnlyDictionary<string, string>? extra = null, TimeProvider? time = null,
        Action<IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:weatherflick"] = database,
            ["ConnectionStrings:cache"] = redis,
            ["Providers:Kto:BaseUrl"] = sim.KtoBaseUrl.ToString(),
            ["Providers:Kma:BaseUrl"] = sim.KmaBaseUrl.ToString(),
            ["Providers:Kto:CacheTtl"] = "00:00:00",
            ["Providers:Kma:CacheTtl"] = "00:00:00",
            ["Providers:Kto:RatePerSecond"] = "200",
            ["Providers:Kma:RatePerSecond"] = "200",
            ["Providers:Kto:RetryDelay"] = "00:00:00.010",
            ["Providers:Kma:RetryDelay"] = "00:00:00.010",
        };
        for (var i = 0; i < sim.Options.Keys.Count; i++)
        {
            settings[$"Providers:Kto:Keys:{i}"] = sim.Options.Keys[i];
            settings[$"Providers:Kma:Keys:{i}"] = sim.Options.Keys[i];
        }
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            settings[name] = value;
        }
        var factory = new ServiceFactory<JobsHost::Program>(settings, collection =>
        {
            if (time is not null)
            {
                collection.AddSingleton(time);
            }
            services?.Invoke(collection);
        });
        var server = new JobServer(factory, database);
        using var ready = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await server.Services.GetRequiredService<SchemaReadiness>().WaitAsync(ready.Token);
        return server;
    }

    public Task<JobResult> RunAsync(string job, CancellationToken cancellationToken = default) =>
        Jobs.RunAsync(Jobs.Find(job) ?? throw new InvalidOperationException($"No job {job}."), JobContext.Silent("test"), cancellationToken);

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
