using System.Diagnostics;

namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>
/// Runs one command end to end: span, issue, wait for the reply within the command timeout, turn error replies into
/// exceptions, metrics. Shared by the connection, its batches and its subscriber so every command is measured alike.
/// </summary>
internal sealed class RedisCommandExecutor(RedisConnectionSettings settings, RedisClientOptions options)
{
    public TimeSpan CommandTimeout { get; } = settings.CommandTimeout ?? options.CommandTimeout;

    public RedisConnectionSettings Settings => settings;

    public async Task<RedisResult> ExecuteAsync(IRedisCommandIssuer issuer, RedisRequest request, CancellationToken cancellationToken)
    {
        var startedAt = Stopwatch.GetTimestamp();
        using var activity = RedisTelemetry.StartCommand(request.Command, settings);
        try
        {
            var (connection, command) = await issuer.IssueAsync(request, cancellationToken).ConfigureAwait(false);
            var reply = await WaitForReplyAsync(connection, command, cancellationToken).ConfigureAwait(false);
            RedisTelemetry.RecordCompleted(request.Command, settings, startedAt, error: null, activity);
            return reply;
        }
        catch (Exception e)
        {
            RedisTelemetry.RecordCompleted(request.Command, settings, startedAt, e, activity);
            throw;
        }
    }

    private async Task<RedisResult> WaitForReplyAsync(RedisPhysicalConnection connection, RedisPendingCommand command, CancellationToken cancellationToken)
    {
        RedisResult reply;
        try
        {
            var remaining = CommandTimeout - Stopwatch.GetElapsedTime(command.QueuedAt);
            reply = await command.Task.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Completing it ourselves keeps an unsent command from ever being written, and a late reply from being used.
            command.TrySetCanceled(CancellationToken.None);
            throw new RedisTimeoutException(
                $"Redis at {settings.EndPoint} did not answer {command.Request.Command} within {CommandTimeout.TotalMilliseconds:0} ms " +
                $"({connection.AwaitingReplies} commands were awaiting replies on the connection).");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            command.TrySetCanceled(cancellationToken);
            throw;
        }

        if (reply.Type == RedisResultType.Error)
        {
            var message = reply.ErrorMessage!;
            throw message.StartsWith("NOAUTH", StringComparison.Ordinal)
                ? PasswordRequired(settings)
                : new RedisServerException(command.Request.Command, message);
        }
        return reply;
    }

    internal static RedisAuthenticationException PasswordRequired(RedisConnectionSettings settings) =>
        new($"Redis at {settings.EndPoint} requires a password (NOAUTH), and the connection string has none: add password=… to it.");
}
