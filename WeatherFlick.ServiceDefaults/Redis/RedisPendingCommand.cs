using System.Diagnostics;

namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>
/// A command queued on a connection and, once written, waiting for its reply. Completed by the connection's reader
/// with the reply (replies come back in the order commands were written), or with the connection's failure. A caller
/// that stops waiting (timeout, cancellation) completes it as cancelled: a command not yet written is then never
/// sent, and the reply of one already written is read and dropped.
/// </summary>
internal sealed class RedisPendingCommand(RedisRequest request) : TaskCompletionSource<RedisResult>(TaskCreationOptions.RunContinuationsAsynchronously)
{
    public RedisRequest Request { get; } = request;

    /// <summary>When it was queued (<see cref="Stopwatch.GetTimestamp"/>): the command timeout counts from here.</summary>
    public long QueuedAt { get; } = Stopwatch.GetTimestamp();
}
