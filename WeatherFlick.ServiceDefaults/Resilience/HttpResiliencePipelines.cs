using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using Polly.Timeout;

namespace WeatherFlick.ServiceDefaults.Resilience;

/// <summary>
/// Builds and keeps one standard pipeline per HttpClient name, so a circuit breaker's state outlives the message
/// handlers the factory recycles. Order, outermost first: concurrency limiter, total timeout, retry, circuit
/// breaker, attempt timeout — the order of <c>AddStandardResilienceHandler</c>.
/// </summary>
internal sealed class HttpResiliencePipelines(IOptionsMonitor<HttpStandardResilienceOptions> options, TimeProvider time) : IDisposable
{
    private readonly ResiliencePipelineRegistry<string> _registry = new();

    public HttpStandardResilienceOptions OptionsFor(string name) => options.Get(name);

    public ResiliencePipeline<HttpResponseMessage> For(string name) =>
        _registry.GetOrAddPipeline<HttpResponseMessage>(name, (builder, _) => Build(builder, options.Get(name)));

    private void Build(ResiliencePipelineBuilder<HttpResponseMessage> builder, HttpStandardResilienceOptions o)
    {
        builder.TimeProvider = time;
        var limiter = new ConcurrencyLimiter(o.RateLimiter);
        builder.AddStrategy(_ => new ConcurrencyLimiterStrategy(limiter), new StageOptions("RateLimiter"));
        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = o.TotalRequestTimeout, Name = "TotalRequestTimeout" });

        var retry = o.Retry;
        retry.ShouldHandle = args => ValueTask.FromResult(HttpTransientFailure.IsTransient(args.Outcome));
        var backoff = retry.DelayGenerator;
        retry.DelayGenerator = args =>
            o.ShouldRetryAfterHeader && HttpTransientFailure.RetryAfter(args.Outcome.Result, time) is { } wait
                ? ValueTask.FromResult<TimeSpan?>(wait)
                : backoff?.Invoke(args) ?? ValueTask.FromResult<TimeSpan?>(null);
        var onRetry = retry.OnRetry;
        retry.OnRetry = args =>
        {
            // The failed answer is not returned to anyone: release its connection before the next attempt.
            args.Outcome.Result?.Dispose();
            return onRetry?.Invoke(args) ?? ValueTask.CompletedTask;
        };
        builder.AddRetry(retry);

        o.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(HttpTransientFailure.IsTransient(args.Outcome));
        builder.AddCircuitBreaker(o.CircuitBreaker);

        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = o.AttemptTimeout, Name = "AttemptTimeout" });
    }

    public void Dispose() => _registry.Dispose();

    private sealed class StageOptions : ResilienceStrategyOptions
    {
        public StageOptions(string name) => Name = name;
    }
}
