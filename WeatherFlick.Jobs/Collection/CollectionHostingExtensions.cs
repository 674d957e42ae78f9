using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WeatherFlick.Jobs.Collection.Gateway;

namespace Microsoft.Extensions.Hosting;

public static class CollectionHostingExtensions
{
    /// <summary>The providers this job server collects from, by configuration section and gateway key.</summary>
    public static readonly IReadOnlyList<string> Providers = ["kto", "kma"];

    /// <summary>
    /// The collection engine: one <see cref="UpstreamGateway"/> per provider (keyed "kto" and "kma"), configured from
    /// <c>Providers:Kto</c> and <c>Providers:Kma</c>, with the shared quota ledger, raw archive and response cache.
    /// Needs the <c>weatherflick</c> data source and the <c>cache</c> Redis client
    /// (<c>AddRedisClient(ResponseCache.ConnectionName, ResponseCache.ConfigureSettings, ResponseCache.ConfigureConnection)</c>).
    /// </summary>
    public static TBuilder AddCollection<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<QuotaLedger>();
        builder.Services.AddSingleton<RawArchive>();
        builder.Services.AddSingleton(services => new ResponseCache(
            services.GetRequiredService<IConnectionMultiplexer>(), services.GetRequiredService<ILogger<ResponseCache>>()));

        foreach (var provider in Providers)
        {
            var section = $"Providers:{char.ToUpperInvariant(provider[0])}{provider[1..]}";
            builder.Services.AddOptions<ProviderOptions>(provider).BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
            // The gateway retries, paces and breaks circuits itself, charging the quota ledger and archiving each
            // attempt: a standard pipeline under it would multiply its retries and resend calls the ledger never
            // charged. RemoveAllResilienceHandlers is the package's way to take ConfigureHttpClientDefaults' handler
            // off one client; it is marked experimental (EXTEXP0001) in 10.11, and a test pins what we rely on.
#pragma warning disable EXTEXP0001
            builder.Services.AddHttpClient(provider).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
            builder.Services.AddKeyedSingleton(provider, (services, _) => new UpstreamGateway(
                provider,
                services.GetRequiredService<IOptionsMonitor<ProviderOptions>>().Get(provider),
                services.GetRequiredService<IHttpClientFactory>().CreateClient(provider),
                services.GetRequiredService<QuotaLedger>(),
                services.GetRequiredService<RawArchive>(),
                services.GetRequiredService<ResponseCache>(),
                services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<ILoggerFactory>().CreateLogger($"WeatherFlick.Collection.{provider}")));
        }
        return builder;
    }
}
