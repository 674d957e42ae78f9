using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace WeatherFlick.ServiceDefaults.Resilience;

/// <summary>
/// The standard HTTP resilience pipeline's settings, with the defaults of Microsoft.Extensions.Http.Resilience's
/// <c>AddStandardResilienceHandler</c>. Named per HttpClient: <c>services.Configure&lt;HttpStandardResilienceOptions&gt;("kto", …)</c>.
/// </summary>
public sealed class HttpStandardResilienceOptions
{
    /// <summary>False leaves the named client without the standard pipeline (a client with a pipeline of its own).</summary>
    public bool Enabled { get; set; } = true;

    public ConcurrencyLimiterOptions RateLimiter { get; set; } = new() { PermitLimit = 1000, QueueLimit = 0 };

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan TotalRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public RetryStrategyOptions<HttpResponseMessage> Retry { get; set; } = new()
    {
        MaxRetryAttempts = 3,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = TimeSpan.FromSeconds(2),
    };

    /// <summary>Whether a <c>Retry-After</c> header on a 429/503 decides the wait instead of the backoff.</summary>
    public bool ShouldRetryAfterHeader { get; set; } = true;

    public CircuitBreakerStrategyOptions<HttpResponseMessage> CircuitBreaker { get; set; } = new()
    {
        FailureRatio = 0.1,
        MinimumThroughput = 100,
        SamplingDuration = TimeSpan.FromSeconds(30),
        BreakDuration = TimeSpan.FromSeconds(5),
    };

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
