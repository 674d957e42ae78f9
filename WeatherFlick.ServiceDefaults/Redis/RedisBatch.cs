namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>
/// Commands held back and then sent together, in order, as StackExchange.Redis's <c>IBatch</c>: call the command
/// methods (each returns its task at once), then <see cref="ExecuteAsync"/>. The tasks complete as the replies
/// arrive; they never complete if the batch is not executed. Not a transaction: other callers' commands may run
/// between them on the server.
/// </summary>
public sealed class RedisBatch : RedisCommands, IRedisCommandIssuer
{
    private readonly RedisLink _link;
    private readonly RedisCommandExecutor _executor;
    private readonly List<(RedisRequest Request, TaskCompletionSource<(RedisPhysicalConnection, RedisPendingCommand)> Issued)> _queued = [];
    private bool _executed;

    internal RedisBatch(RedisLink link, RedisCommandExecutor executor)
    {
        _link = link;
        _executor = executor;
    }

    /// <summary>How many commands are waiting for <see cref="ExecuteAsync"/>.</summary>
    public int Count
    {
        get
        {
            lock (_queued)
            {
                return _queued.Count;
            }
        }
    }

    /// <summary>
    /// Connects if needed and queues every command on the connection, in the order they were added, to be written
    /// back to back. Completes once they are queued; a connection failure fails each command's own task (this method
    /// does not throw it). A batch runs once.
    /// </summary>
    public async Task ExecuteAsync(CancellationToken cancellationToken = default)
    {
        List<(RedisRequest Request, TaskCompletionSource<(RedisPhysicalConnection, RedisPendingCommand)> Issued)> queued;
        lock (_queued)
        {
            if (_executed)
            {
                throw new InvalidOperationException("This batch was already executed; create another with RedisConnection.CreateBatch().");
            }
            _executed = true;
            queued = [.. _queued];
            _queued.Clear();
        }

        RedisPhysicalConnection connection;
        try
        {
            connection = await _link.GetConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisConnectionException or ObjectDisposedException or OperationCanceledException)
        {
            foreach (var (_, issued) in queued)
            {
                _ = e switch
                {
                    RedisConnectionException connectionError => issued.TrySetException(connectionError.ForAnotherCaller()),
                    OperationCanceledException => issued.TrySetCanceled(cancellationToken),
                    _ => issued.TrySetException(new ObjectDisposedException(nameof(RedisConnection))),
                };
            }
            return;
        }

        foreach (var (request, issued) in queued)
        {
            try
            {
                issued.TrySetResult((connection, connection.Enqueue(request)));
            }
            catch (Exception e) when (e is RedisConnectionException or ObjectDisposedException)
            {
                issued.TrySetException(e);
            }
        }
    }

    private protected override Task<RedisResult> SendAsync(RedisRequest request, CancellationToken cancellationToken) =>
        _executor.ExecuteAsync(this, request, cancellationToken);

    ValueTask<(RedisPhysicalConnection Connection, RedisPendingCommand Command)> IRedisCommandIssuer.IssueAsync(RedisRequest request, CancellationToken cancellationToken)
    {
        var issued = new TaskCompletionSource<(RedisPhysicalConnection, RedisPendingCommand)>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_queued)
        {
            if (_executed)
            {
                throw new InvalidOperationException("This batch was already executed; add commands to a new one.");
            }
            _queued.Add((request, issued));
        }
        return new ValueTask<(RedisPhysicalConnection, RedisPendingCommand)>(issued.Task.WaitAsync(cancellationToken));
    }
}
