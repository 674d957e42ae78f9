using Microsoft.Extensions.Logging;

namespace WeatherFlick.ServiceDefaults.Redis;

internal static partial class RedisLog
{
    [LoggerMessage(1, LogLevel.Debug, "Connected to Redis at {EndPoint} ({Role}).")]
    public static partial void Connected(ILogger logger, string endPoint, string role);

    [LoggerMessage(2, LogLevel.Information, "Reconnected to Redis at {EndPoint} ({Role}) after {DowntimeMs} ms.")]
    public static partial void Reconnected(ILogger logger, string endPoint, string role, long downtimeMs);

    [LoggerMessage(3, LogLevel.Warning, "Lost the connection to Redis at {EndPoint} ({Role}): {Reason} Reconnecting.")]
    public static partial void ConnectionLost(ILogger logger, string endPoint, string role, string reason);

    [LoggerMessage(4, LogLevel.Warning, "Could not connect to Redis at {EndPoint} ({Role}): {Reason} Next attempt in {RetryInMs} ms.")]
    public static partial void ConnectFailed(ILogger logger, string endPoint, string role, string reason, long retryInMs);

    [LoggerMessage(5, LogLevel.Debug, "Still cannot connect to Redis at {EndPoint} ({Role}), attempt {Attempt}: {Reason} Next attempt in {RetryInMs} ms.")]
    public static partial void ConnectStillFailing(ILogger logger, string endPoint, string role, int attempt, string reason, long retryInMs);

    [LoggerMessage(6, LogLevel.Error, "A handler of the Redis channel {Channel} failed; later messages are still delivered.")]
    public static partial void HandlerFailed(ILogger logger, string channel, Exception exception);
}
