using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>Healthy when Redis answers PING within a short timeout; otherwise the reason, which names host:port and never the password.</summary>
internal sealed class RedisHealthCheck(RedisConnection connection, TimeSpan timeout) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var roundTrip = await connection.PingAsync(deadline.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"Redis at {connection.EndPoint} answered PING in {roundTrip.TotalMilliseconds:0.0} ms.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"Redis at {connection.EndPoint} did not answer PING within {timeout.TotalMilliseconds:0} ms.");
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, e.Message);
        }
    }
}
