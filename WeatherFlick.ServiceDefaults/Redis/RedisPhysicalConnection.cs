using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>
/// One TCP connection with true pipelining. Callers queue commands on a channel; a single writer loop writes them
/// back to back (frames never interleave) and flushes once per burst, recording each written command in the reply
/// queue before its bytes can reach the server; a single reader loop parses replies and completes the commands in
/// that order. Once broken it stays broken: every command queued or awaiting a reply fails with the reason, and
/// <see cref="RedisLink"/> opens a new connection.
/// </summary>
internal sealed class RedisPhysicalConnection : IAsyncDisposable
{
    // Flush during a long burst too, so the server starts working before the whole burst is serialised.
    private const int FlushThreshold = 64 * 1024;

    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly Channel<RedisPendingCommand> _outgoing = Channel.CreateUnbounded<RedisPendingCommand>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false, AllowSynchronousContinuations = false });
    private readonly ConcurrentQueue<RedisPendingCommand> _awaitingReply = new();
    private readonly RespReader _resp = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Action<RedisResult>? _onPush;
    private readonly Action<RedisPhysicalConnection, Exception> _onFailed;
    private readonly string _endPoint;
    private Exception? _failure;
    private Task _running = Task.CompletedTask;

    private RedisPhysicalConnection(Socket socket, string endPoint, Action<RedisResult>? onPush, Action<RedisPhysicalConnection, Exception> onFailed)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _input = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, leaveOpen: true));
        _output = PipeWriter.Create(_stream, new StreamPipeWriterOptions(minimumBufferSize: 16 * 1024, leaveOpen: true));
        _endPoint = endPoint;
        _onPush = onPush;
        _onFailed = onFailed;
    }

    public bool IsAlive => Volatile.Read(ref _failure) is null;

    /// <summary>Commands written and still waiting for their replies (for timeout messages).</summary>
    public int AwaitingReplies => _awaitingReply.Count;

    /// <summary>
    /// Connects the socket and starts the loops. <paramref name="onPush"/> receives pub/sub messages on a subscriber
    /// connection (null on a command connection); <paramref name="onFailed"/> is told once when the connection breaks.
    /// </summary>
    public static async Task<RedisPhysicalConnection> OpenAsync(
        RedisConnectionSettings settings, Action<RedisResult>? onPush, Action<RedisPhysicalConnection, Exception> onFailed, CancellationToken cancellationToken)
    {
        // Dual-mode, so a host name resolving to IPv4 or IPv6 both work.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            EndPoint target = IPAddress.TryParse(settings.Host, out var address)
                ? new IPEndPoint(address, settings.Port)
                : new DnsEndPoint(settings.Host, settings.Port);
            await socket.ConnectAsync(target, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var connection = new RedisPhysicalConnection(socket, settings.EndPoint, onPush, onFailed);
        connection._running = connection.RunAsync();
        return connection;
    }

    /// <summary>Queues a command for writing; throws the connection's failure when it is already broken.</summary>
    public RedisPendingCommand Enqueue(RedisRequest request)
    {
        var command = new RedisPendingCommand(request);
        if (!_outgoing.Writer.TryWrite(command))
        {
            throw FailureFor();
        }
        return command;
    }

    /// <summary>Breaks the connection (idempotent): stops both loops and fails every command with <paramref name="reason"/>.</summary>
    public void Fail(Exception reason)
    {
        if (Interlocked.CompareExchange(ref _failure, reason, null) is not null)
        {
            return;
        }
        _outgoing.Writer.TryComplete();
        _stopping.Cancel();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already closed by the peer: nothing to shut down.
        }
        _onFailed(this, reason);
    }

    public async ValueTask DisposeAsync()
    {
        Fail(new ObjectDisposedException(nameof(RedisConnection), "The Redis connection was disposed."));
        await _running.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        // Both loops start inline up to their first await; neither throws (each turns its failure into Fail).
        await Task.WhenAll(Task.Run(ReadLoopAsync), Task.Run(WriteLoopAsync)).ConfigureAwait(false);
        // Only the writer adds to the reply queue, and it has stopped: draining now leaves no command behind.
        while (_outgoing.Reader.TryRead(out var queued))
        {
            queued.TrySetException(FailureFor());
        }
        while (_awaitingReply.TryDequeue(out var written))
        {
            written.TrySetException(FailureFor());
        }
        await _input.CompleteAsync().ConfigureAwait(false);
        await _output.CompleteAsync().ConfigureAwait(false);
        // _stopping is not disposed: a late Fail() may still cancel it, and it holds no timer.
        await _stream.DisposeAsync().ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            var queue = _outgoing.Reader;
            while (await queue.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
            {
                while (queue.TryRead(out var command))
                {
                    if (command.Task.IsCompleted)
                    {
                        continue;
                    }
                    _awaitingReply.Enqueue(command);
                    RespWriter.WriteCommand(_output, command.Request);
                    if (_output.CanGetUnflushedBytes && _output.UnflushedBytes >= FlushThreshold)
                    {
                        await _output.FlushAsync(_stopping.Token).ConfigureAwait(false);
                    }
                }
                await _output.FlushAsync(_stopping.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Fail() stopped us; the reason is already recorded.
        }
        catch (Exception e)
        {
            Fail(Lost(e));
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (true)
            {
                var read = await _input.ReadAsync(_stopping.Token).ConfigureAwait(false);
                var buffer = read.Buffer;
                while (_resp.TryRead(ref buffer, out var reply))
                {
                    Dispatch(reply!);
                }
                _input.AdvanceTo(buffer.Start, buffer.End);
                if (read.IsCompleted)
                {
                    Fail(new RedisConnectionException(buffer.IsEmpty
                        ? $"Redis at {_endPoint} closed the connection."
                        : $"Redis at {_endPoint} closed the connection in the middle of a reply."));
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Fail() stopped us; the reason is already recorded.
        }
        catch (Exception e)
        {
            Fail(Lost(e));
        }
    }

    private void Dispatch(RedisResult reply)
    {
        if (_onPush is not null && IsPush(reply))
        {
            _onPush(reply);
            return;
        }
        if (!_awaitingReply.TryDequeue(out var command))
        {
            throw new RedisProtocolException("a reply arrived with no command waiting for it");
        }
        command.TrySetResult(reply);
    }

    /// <summary>A pub/sub message (<c>message</c>/<c>pmessage</c>) rather than the reply to one of our commands.</summary>
    private static bool IsPush(RedisResult reply) =>
        reply is { Type: RedisResultType.Array, IsNull: false }
        && reply.AsArray() is [{ Type: RedisResultType.BulkString, IsNull: false } kind, ..]
        && kind.AsString() is "message" or "pmessage";

    private RedisConnectionException Lost(Exception cause) => cause switch
    {
        RedisProtocolException => new RedisConnectionException($"Redis at {_endPoint} sent a reply this client cannot read ({cause.Message}); the connection was dropped.", cause),
        RedisConnectionException connection => connection,
        _ => new RedisConnectionException($"The connection to Redis at {_endPoint} was lost: {cause.Message}", cause),
    };

    private Exception FailureFor() => Volatile.Read(ref _failure) switch
    {
        ObjectDisposedException disposed => new ObjectDisposedException(disposed.ObjectName, disposed.Message),
        RedisConnectionException connection => connection.ForAnotherCaller(),
        var other => new RedisConnectionException($"The connection to Redis at {_endPoint} was lost.", other),
    };
}
