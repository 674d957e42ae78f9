using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using WeatherFlick.ServiceDefaults.Resilience;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Our <c>AddStandardResilienceHandler</c> (Microsoft.Extensions.Http.Resilience cannot be restored here).</summary>
public static class ResilienceHttpClientBuilderExtensions
{
    /// <summary>
    /// Adds the standard resilience pipeline to the client (or, from <c>ConfigureHttpClientDefaults</c>, to every client).
    /// Settings are named options per client name; <paramref name="configure"/> applies to this builder's clients.
    /// </summary>
    public static IHttpClientBuilder AddStandardResilienceHandler(this IHttpClientBuilder builder, Action<HttpStandardResilienceOptions>? configure = null)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<HttpResiliencePipelines>();
        if (configure is not null)
        {
            // A null name (ConfigureHttpClientDefaults) configures every client.
            builder.Services.Configure(builder.Name, configure);
        }

        builder.Services.Configure<HttpClientFactoryOptions>(builder.Name, factory =>
            factory.HttpMessageHandlerBuilderActions.Add(handlers =>
            {
                var pipelines = handlers.Services.GetRequiredService<HttpResiliencePipelines>();
                var name = handlers.Name ?? Microsoft.Extensions.Options.Options.DefaultName;
                // Added from defaults and again per client, the pipeline must still run once.
                if (pipelines.OptionsFor(name).Enabled && !handlers.AdditionalHandlers.OfType<ResilienceHandler>().Any())
                {
                    handlers.AdditionalHandlers.Add(new ResilienceHandler(pipelines.For(name)));
                }
            }));
        return builder;
    }
}
