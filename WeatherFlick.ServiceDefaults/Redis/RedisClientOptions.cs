using System.ComponentModel.DataAnnotations;

namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>
/// How the client behaves; where it connects comes from the connection string. Bound from <c>Redis:{connectionName}</c>
/// by <c>AddRedisClient</c>. <c>connectTimeout</c> and <c>syncTimeout</c>/<c>commandTimeout</c> in the connection
/// string, when present, win over <see cref="ConnectTimeout"/> and <see cref="CommandTimeout"/>.
/// </summary>
public sealed class RedisClientOptions : IValidatableObject
{
    /// <summary>How long a sent command waits for its reply before <see cref="RedisTimeoutException"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long opening a connection (TCP connect and AUTH/SELECT) may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Wait before the second reconnect attempt after a failure; it doubles up to <see cref="ReconnectMaxDelay"/>. The first attempt after a drop is immediate.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest wait between reconnect attempts; commands fail fast with <see cref="RedisConnectionException"/> while waiting.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the health check's PING may take before the check reports Unhealthy.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ReconnectMaxDelay < ReconnectMinDelay)
        {
            yield return new ValidationResult(
                $"ReconnectMaxDelay ({ReconnectMaxDelay}) must not be shorter than ReconnectMinDelay ({ReconnectMinDelay}).",
                [nameof(ReconnectMaxDelay), nameof(ReconnectMinDelay)]);
        }
    }

    internal RedisClientOptions Clone() => (RedisClientOptions)MemberwiseClone();
}
