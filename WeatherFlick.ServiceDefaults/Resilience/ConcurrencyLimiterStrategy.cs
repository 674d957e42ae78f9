using System.Threading.RateLimiting;
using Polly;

namespace WeatherFlick.ServiceDefaults.Resilience;

/// <summary>
/// The rate-limiter stage of the standard pipeline (Polly.RateLimiting cannot be restored here): a
/// <see cref="ConcurrencyLimiter"/> leased around each whole call.
/// </summary>
internal sealed class ConcurrencyLimiterStrategy(RateLimiter limiter) : ResilienceStrategy
{
    protected override async ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback,
        ResilienceContext context,
        TState state)
    {
        using var lease = await limiter.AcquireAsync(1, context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
        if (!lease.IsAcquired)
        {
            return Outcome.FromException<TResult>(new RateLimiterRejectedException());
        }
        return await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
    }
}
