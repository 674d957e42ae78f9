using Microsoft.Extensions.Logging;

namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>
/// The dedicated subscriber connection (a connection in subscriber mode can run nothing else). It keeps the set of
/// channels and their handlers, dispatches each message to every handler of its channel, and re-subscribes every
/// channel whenever its link reconnects, before the new socket is handed out.
/// </summary>
internal sealed class RedisSubscriber : IAsyncDisposable
{
    private readonly RedisLink _link;
    private readonly RedisCommandExecutor _executor;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RedisSubscription[]> _channels = new(StringComparer.Ordinal);
    // Serialises SUBSCRIBE/UNSUBSCRIBE so the server sees a channel's changes in the order callers made them.
    private readonly SemaphoreSlim _changes = new(1, 1);

    public RedisSubscriber(RedisConnectionSettings settings, RedisClientOptions options, RedisCommandExecutor executor, ILogger logger)
    {
        _executor = executor;
        _logger = logger;
        _link = new RedisLink(settings, options, "subscriber", logger, OnPush, ResubscribeAsync);
    }

    public bool IsConnected => _link.IsConnected;

    public async Task<RedisSubscription> SubscribeAsync(string channel, Func<RedisChannelMessage, CancellationToken, Task> handler, CancellationToken cancellationToken)
    {
        await _changes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var subscription = new RedisSubscription(this, channel, handler, _logger);
            bool first;
            lock (_gate)
            {
                first = !_channels.TryGetValue(channel, out var existing);
                _channels[channel] = [.. existing ?? [], subscription];
            }
            if (first)
            {
                try
                {
                    await _executor.ExecuteAsync(_link, new RedisRequest("SUBSCRIBE", channel), cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    Forget(subscription);
                    throw;
                }
            }
            return subscription;
        }
        finally
        {
            _changes.Release();
        }
    }

    public async Task UnsubscribeAsync(string channel, CancellationToken cancellationToken)
    {
        await _changes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            RedisSubscription[]? removed;
            lock (_gate)
            {
                _channels.Remove(channel, out removed);
            }
            foreach (var subscription in removed ?? [])
            {
                subscription.Stop();
            }
            if (removed is not null)
            {
                await UnsubscribeOnServerAsync(channel, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _changes.Release();
        }
    }

    internal async Task RemoveAsync(RedisSubscription subscription, CancellationToken cancellationToken)
    {
        subscription.Stop();
        await _changes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Forget(subscription))
            {
                await UnsubscribeOnServerAsync(subscription.Channel, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ObjectDisposedException)
        {
            // The connection is gone, and the server forgot the subscription with it.
        }
        finally
        {
            _changes.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        RedisSubscription[] all;
        lock (_gate)
        {
            all = [.. _channels.Values.SelectMany(s => s)];
            _channels.Clear();
        }
        foreach (var subscription in all)
        {
            subscription.Stop();
        }
        await _link.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Drops a subscription locally; true when it was its channel's last handler.</summary>
    private bool Forget(RedisSubscription subscription)
    {
        subscription.Stop();
        lock (_gate)
        {
            if (!_channels.TryGetValue(subscription.Channel, out var handlers) || !handlers.Contains(subscription))
            {
                return false;
            }
            var rest = handlers.Where(h => !ReferenceEquals(h, subscription)).ToArray();
            if (rest.Length == 0)
            {
                _channels.Remove(subscription.Channel);
                return true;
            }
            _channels[subscription.Channel] = rest;
            return false;
        }
    }

    private async Task UnsubscribeOnServerAsync(string channel, CancellationToken cancellationToken)
    {
        if (!_link.IsConnected)
        {
            // Nothing to tell a server we are not connected to; reconnecting subscribes only what is left.
            return;
        }
        try
        {
            await _executor.ExecuteAsync(_link, new RedisRequest("UNSUBSCRIBE", channel), cancellationToken).ConfigureAwait(false);
        }
        catch (RedisConnectionException)
        {
            // The connection dropped meanwhile, and the server forgot its subscriptions with it.
        }
    }

    private void OnPush(RedisResult push)
    {
        // [ "message", channel, payload ]; we never PSUBSCRIBE, so "pmessage" does not occur.
        if (push.AsArray() is not [_, var channel, var payload])
        {
            return;
        }
        var name = channel.AsString();
        RedisSubscription[]? handlers;
        lock (_gate)
        {
            if (name is null || !_channels.TryGetValue(name, out handlers))
            {
                return;
            }
        }
        var message = new RedisChannelMessage(name, payload.AsBytes() ?? []);
        foreach (var handler in handlers)
        {
            handler.Deliver(message);
        }
    }

    private async Task ResubscribeAsync(RedisPhysicalConnection connection, CancellationToken cancellationToken)
    {
        string[] channels;
        lock (_gate)
        {
            channels = [.. _channels.Keys];
        }
        var confirmations = channels.Select(channel => connection.Enqueue(new RedisRequest("SUBSCRIBE", channel))).ToArray();
        foreach (var confirmation in confirmations)
        {
            var reply = await confirmation.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (reply.Type == RedisResultType.Error)
            {
                throw reply.ErrorMessage!.StartsWith("NOAUTH", StringComparison.Ordinal)
                    ? RedisCommandExecutor.PasswordRequired(_executor.Settings)
                    : new RedisConnectionException($"Redis at {_executor.Settings.EndPoint} refused to re-subscribe: {reply.ErrorMessage}");
            }
        }
    }
}
