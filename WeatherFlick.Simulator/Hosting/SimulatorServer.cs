using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WeatherFlick.Simulator.Clock;

namespace WeatherFlick.Simulator.Hosting;

/// <summary>
/// The real simulator app on Kestrel, on a free loopback port, inside the calling process: for tests and benchmarks
/// that must talk real HTTP. Reads no configuration file; <paramref name="configure"/> in
/// <see cref="StartAsync"/> adjusts the defaults of <see cref="SimulatorOptions"/>.
/// </summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SimulatorServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The server root, ending with a slash (e.g. <c>http://127.0.0.1:40123/</c>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>What <c>Providers:Kto:BaseUrl</c> points at: the KorService2 root, without a trailing slash.</summary>
    public Uri KtoBaseUrl => new(BaseAddress, "B551011/KorService2");

    /// <summary>What <c>Providers:Kma:BaseUrl</c> points at: the VilageFcstInfoService_2.0 root.</summary>
    public Uri KmaBaseUrl => new(BaseAddress, "1360000/VilageFcstInfoService_2.0");

    public SimulatorClock Clock => _app.Services.GetRequiredService<SimulatorClock>();

    /// <summary>The options the server started with (runtime changes go through <c>/_sim/config</c>).</summary>
    public SimulatorOptions Options => _app.Services.GetRequiredService<IOptions<SimulatorOptions>>().Value;

    public IServiceProvider Services => _app.Services;

    public static async Task<SimulatorServer> StartAsync(Action<SimulatorOptions>? configure = null, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SimulatorServer).Assembly.GetName().Name,
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Nothing from files or the environment: a test's simulator is exactly what the test configured.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        builder.AddServiceDefaults();
        builder.AddSimulator();
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapSimulator();
        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new SimulatorServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
