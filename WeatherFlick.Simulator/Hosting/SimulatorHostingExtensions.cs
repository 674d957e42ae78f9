using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeatherFlick.Simulator.Admin;
using WeatherFlick.Simulator.Clock;
using WeatherFlick.Simulator.Faults;
using WeatherFlick.Simulator.Gateway;
using WeatherFlick.Simulator.Kma;
using WeatherFlick.Simulator.Kto;
using WeatherFlick.Simulator.Kto.Dataset;
using WeatherFlick.Simulator.Runtime;
using WeatherFlick.Simulator.Services;
using WeatherFlick.Simulator.Stats;

namespace WeatherFlick.Simulator.Hosting;

/// <summary>
/// The simulator's one registration, shared by the standalone Program.cs and the in-process
/// <see cref="SimulatorServer"/> so the two cannot drift.
/// </summary>
public static class SimulatorHostingExtensions
{
    public static TBuilder AddSimulator<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var services = builder.Services;
        services.AddOptions<SimulatorOptions>()
            .BindConfiguration(SimulatorOptions.SectionName)
            .PostConfigure<IConfiguration>(ReadTimesAsKst)
            .Validate(options => options.Keys.All(key => !string.IsNullOrWhiteSpace(key)), "Simulator:Keys must not contain empty keys.")
            .Validate(options => options.KeyQuotas.Keys.All(IsFingerprint), "Simulator:KeyQuotas is keyed by key fingerprints: 8 lowercase hex characters.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidator>();

        // The hosting diagnostics log every request URL at Information, and the URL carries the service key.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<SimulatorOptions>>().Value;
            return new SimulatorClock(options.StartTime ?? TimeProvider.System.GetUtcNow(), options.FreezeClock);
        });
        services.AddSingleton<ServiceKeys>();
        services.AddSingleton<QuotaLedger>();
        services.AddSingleton<KeyRateLimiter>();
        services.AddSingleton<RuntimeSettings>();
        services.AddSingleton<FaultPlanner>();
        services.AddSingleton<SimulatorStats>();
        services.AddSingleton<GatewayPipeline>();
        services.AddSingleton<TourCatalog>();
        services.AddSingleton<KtoService>();
        services.AddSingleton<KmaService>();
        services.AddHostedService<CatalogWarmup>();
        return builder;
    }

    public static WebApplication MapSimulator(this WebApplication app)
    {
        app.MapServiceApis();
        app.MapAdminApi();
        return app;
    }

    /// <summary>Configuration gives times as text; one without an offset means KST here, not the machine's zone.</summary>
    private static void ReadTimesAsKst(SimulatorOptions options, IConfiguration configuration)
    {
        var section = configuration.GetSection(SimulatorOptions.SectionName);
        if (KstTime.TryParse(section["StartTime"], out var start))
        {
            options.StartTime = start;
        }
        if (KstTime.TryParse(section["Evolution:Epoch"], out var epoch))
        {
            options.Evolution.Epoch = epoch;
        }
        if (KstTime.TryParse(section["Kma:ExtendedHorizonFrom"], out var extended))
        {
            options.Kma.ExtendedHorizonFrom = extended;
        }
    }

    private static bool IsFingerprint(string text) => text.Length == 8 && text.All(ch => ch is >= '0' and <= '9' or >= 'a' and <= 'f');
}
