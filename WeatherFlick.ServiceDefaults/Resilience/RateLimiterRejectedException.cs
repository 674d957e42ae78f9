using Polly;

namespace WeatherFlick.ServiceDefaults.Resilience;

/// <summary>The pipeline's concurrency limiter refused the call (shaped like Polly.RateLimiting's exception of the same name).</summary>
public sealed class RateLimiterRejectedException : ExecutionRejectedException
{
    public RateLimiterRejectedException()
        : base("The HTTP client's concurrency limit is reached; the call was rejected without being sent.")
    {
    }

    public RateLimiterRejectedException(string message) : base(message)
    {
    }

    public RateLimiterRejectedException(string message, Exception inner) : base(message, inner)
    {
    }
}
