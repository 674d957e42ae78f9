using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>
/// One handler subscribed to one channel. Messages are handed to the handler one at a time, in the order they
/// arrived, on its own loop: a slow handler delays only itself, never the connection or other subscribers (its
/// backlog grows in memory instead). A handler that throws is logged and keeps receiving. Survives reconnects.
/// Dispose to unsubscribe; messages not yet handled are then dropped.
/// </summary>
public sealed class RedisSubscription : IAsyncDisposable
{
    private readonly RedisSubscriber _owner;
    private readonly Func<RedisChannelMessage, CancellationToken, Task> _handler;
    private readonly ILogger _logger;
    private readonly Channel<RedisChannelMessage> _messages = System.Threading.Channels.Channel.CreateUnbounded<RedisChannelMessage>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stopping = new();

    internal RedisSubscription(RedisSubscriber owner, string channel, Func<RedisChannelMessage, CancellationToken, Task> handler, ILogger logger)
    {
        _owner = owner;
        Channel = channel;
        _handler = handler;
        _logger = logger;
        _ = Task.Run(PumpAsync);
    }

    public string Channel { get; }

    /// <summary>Unsubscribes this handler; the server subscription ends with the channel's last handler.</summary>
    public ValueTask DisposeAsync() => new(_owner.RemoveAsync(this, CancellationToken.None));

    internal void Deliver(RedisChannelMessage message) => _messages.Writer.TryWrite(message);

    internal void Stop()
    {
        if (_messages.Writer.TryComplete())
        {
            _stopping.Cancel();
        }
    }

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var message in _messages.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
            {
                try
                {
                    await _handler(message, _stopping.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !_stopping.IsCancellationRequested)
                {
                    RedisLog.HandlerFailed(_logger, Channel, e);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Unsubscribed: the rest of the backlog is dropped.
        }
    }
}
