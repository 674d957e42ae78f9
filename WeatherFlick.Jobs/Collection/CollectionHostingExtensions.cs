using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WeatherFlick.Jobs.Collection.Gateway;
using WeatherFlick.ServiceDefaults.Resilience;
using WeatherFlick.ServiceDefaults.Redis;

namespace Microsoft.Extensions.Hosting;

public static class CollectionHostingExtensions
{
    /// <summary>The providers this job server collects from, by configuration section and gateway key.</summary>
    public static readonly IReadOnlyList<string> Providers = ["kto", "kma"];

    /// <summary>
    /// The collection engine: one <see cref="UpstreamGateway"/> per provider (keyed "kto" and "kma"), configured from
    /// <c>Providers:Kto</c> and <c>Providers:Kma</c>, with the shared quota ledger, raw archive and response cache.
    /// Needs the <c>weatherflick</c> data source and the <c>cache</c> Redis client.
    /// </summary>
    public static TBuilder AddCollection<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<QuotaLedger>();
        builder.Services.AddSingleton<RawArchive>();
        builder.Services.AddSingleton(services => new ResponseCache(
            services.GetRequiredService<RedisConnection>(), services.GetRequiredService<ILogger<ResponseCache>>()));

        foreach (var provider in Providers)
        {
            var section = $"Providers:{char.ToUpperInvariant(provider[0])}{provider[1..]}";
            builder.Services.AddOptions<ProviderOptions>(provider).BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
            // The gateway retries, paces and breaks circuits itself; the standard pipeline would double all of it.
            builder.Services.AddHttpClient(provider);
            builder.Services.Configure<HttpStandardResilienceOptions>(provider, o => o.Enabled = false);
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
