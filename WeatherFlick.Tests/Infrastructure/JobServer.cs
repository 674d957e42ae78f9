extern alias JobsHost;

using Microsoft.Extensions.DependencyInjection;
using WeatherFlick.Data.Migrations;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Simulator.Hosting;
using WeatherFlick.Testing.Simulation;

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
        var factory = new ServiceFactory<JobsHost::Program>(Settings(sim, database, redis, extra), collection =>
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

    /// <summary>
    /// Starts the built job server as its own process with these settings, for settings that must stop it at start:
    /// returns its exit code and everything it printed. A server that starts anyway fails with a timeout.
    /// </summary>
    /// <remarks>
    /// A separate process, not the in-process factory: when Program.cs fails at start, the test host races the
    /// disposal of the failed host and sometimes reports an ObjectDisposedException instead of the real error.
    /// </remarks>
    /// <param name="without">Settings to leave out altogether (e.g. <c>ConnectionStrings:cache</c>).</param>
    public static async Task<(int ExitCode, string Printed)> StartExpectingFailureAsync(SimulatorServer sim, string database, string redis,
        IReadOnlyDictionary<string, string> extra, IEnumerable<string>? without = null)
    {
        var settings = Settings(sim, database, redis, extra);
        foreach (var name in without ?? [])
        {
            settings.Remove(name);
        }
        var environment = JobServerSettings.AsEnvironment(settings);
        environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        var (exitCode, output, errors) = await ChildProcess.RunDotnetAsync(ProjectOutput.Dll("WeatherFlick.Jobs"), [], environment, TimeSpan.FromSeconds(60));
        return (exitCode, output + errors);
    }

    private static Dictionary<string, string> Settings(SimulatorServer sim, string database, string redis, IReadOnlyDictionary<string, string>? extra) =>
        JobServerSettings.For(sim, database, redis, extra);

    public Task<JobResult> RunAsync(string job, CancellationToken cancellationToken = default) =>
        Jobs.RunAsync(Jobs.Find(job) ?? throw new InvalidOperationException($"No job {job}."), JobContext.Silent("test"), cancellationToken);

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
