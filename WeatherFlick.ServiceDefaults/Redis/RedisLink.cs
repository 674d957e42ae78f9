using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>
/// One logical connection that outlives its sockets. It connects lazily, on the first command; after a drop or a
/// failed attempt it reconnects in the background with exponential backoff (the first attempt after a drop is
/// immediate). Commands that arrive while an attempt runs wait for it; commands that arrive between attempts fail at
/// once with <see cref="RedisConnectionException"/> rather than piling up behind an outage. Every new socket is
/// authenticated (AUTH), named and pointed at its database before any command may use it.
/// </summary>
internal sealed class RedisLink : IRedisCommandIssuer, IAsyncDisposable
{
    private readonly RedisConnectionSettings _settings;
    private readonly RedisClientOptions _options;
    private readonly string _role;
    private readonly Action<RedisResult>? _onPush;
    private readonly Func<RedisPhysicalConnection, CancellationToken, Task>? _onConnected;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _lifetime = new();
    private RedisPhysicalConnection? _current;
    private Task<RedisPhysicalConnection>? _connecting;
    private Task? _reconnecting;
    private RedisConnectionException? _lastError;
    private int _failedAttempts;
    private long _nextAttemptAt;
    private long _lostAt;
    private bool _everConnected;
    private bool _disposed;

    /// <param name="role">"commands" or "subscriber", for logs.</param>
    /// <param name="onPush">Receives pub/sub messages (subscriber connections only).</param>
    /// <param name="onConnected">Runs on every new socket after the handshake and before it is used (re-subscribing).</param>
    public RedisLink(
        RedisConnectionSettings settings,
        RedisClientOptions options,
        string role,
        ILogger logger,
        Action<RedisResult>? onPush = null,
        Func<RedisPhysicalConnection, CancellationToken, Task>? onConnected = null)
    {
        _settings = settings;
        _options = options;
        _role = role;
        _logger = logger;
        _onPush = onPush;
        _onConnected = onConnected;
    }

    public bool IsConnected => Volatile.Read(ref _current)?.IsAlive == true;

    public async ValueTask<(RedisPhysicalConnection Connection, RedisPendingCommand Command)> IssueAsync(RedisRequest request, CancellationToken cancellationToken)
    {
        var connection = await GetConnectionAsync(cancellationToken).ConfigureAwait(false);
        return (connection, connection.Enqueue(request));
    }

    public ValueTask<RedisPhysicalConnection> GetConnectionAsync(CancellationToken cancellationToken)
    {
        Task<RedisPhysicalConnection> attempt;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, typeof(RedisConnection));
            if (_current is { IsAlive: true } current)
            {
                return ValueTask.FromResult(current);
            }
            if (_connecting is null)
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), _nextAttemptAt);
                if (_lastError is not null && wait > TimeSpan.Zero)
                {
                    throw NotConnected(_lastError, wait);
                }
                // Task.Run: the attempt must not start inline while we hold the lock it takes when it ends.
                _connecting = Task.Run(AttemptAsync);
            }
            attempt = _connecting;
        }
        return new ValueTask<RedisPhysicalConnection>(WaitForAttemptAsync(attempt, cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        RedisPhysicalConnection? current;
        Task? connecting, reconnecting;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            current = _current;
            _current = null;
            connecting = _connecting;
            reconnecting = _reconnecting;
        }
        await _lifetime.CancelAsync().ConfigureAwait(false);
        if (current is not null)
        {
            await current.DisposeAsync().ConfigureAwait(false);
        }
        foreach (var task in (Task?[])[connecting, reconnecting])
        {
            if (task is not null)
            {
                // Their outcome no longer matters to anyone; we only wait for them to let go of their sockets.
                await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private static async Task<RedisPhysicalConnection> WaitForAttemptAsync(Task<RedisPhysicalConnection> attempt, CancellationToken cancellationToken)
    {
        try
        {
            return await attempt.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RedisConnectionException e)
        {
            throw e.ForAnotherCaller();
        }
    }

    private async Task<RedisPhysicalConnection> AttemptAsync()
    {
        RedisPhysicalConnection connection;
        try
        {
            connection = await ConnectAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            if (_lifetime.IsCancellationRequested)
            {
                throw new ObjectDisposedException(nameof(RedisConnection), "The Redis connection was disposed while connecting.");
            }
            var error = e as RedisConnectionException ?? new RedisConnectionException($"Could not connect to Redis at {_settings.EndPoint}: {e.Message}", e);
            OnAttemptFailed(error);
            throw error;
        }

        bool reconnected;
        long downtime;
        lock (_gate)
        {
            if (_disposed)
            {
                connection.Fail(new ObjectDisposedException(nameof(RedisConnection)));
                throw new ObjectDisposedException(nameof(RedisConnection));
            }
            _current = connection;
            _connecting = null;
            _lastError = null;
            _failedAttempts = 0;
            reconnected = _everConnected;
            downtime = (long)Stopwatch.GetElapsedTime(_lostAt).TotalMilliseconds;
            _everConnected = true;
        }
        if (reconnected)
        {
            RedisTelemetry.RecordReconnect(_settings);
            RedisLog.Reconnected(_logger, _settings.EndPoint, _role, downtime);
        }
        else
        {
            RedisLog.Connected(_logger, _settings.EndPoint, _role);
        }
        return connection;
    }

    private async Task<RedisPhysicalConnection> ConnectAsync()
    {
        var timeout = _settings.ConnectTimeout ?? _options.ConnectTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
        deadline.CancelAfter(timeout);
        RedisPhysicalConnection connection;
        try
        {
            connection = await RedisPhysicalConnection.OpenAsync(_settings, _onPush, OnConnectionFailed, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!_lifetime.IsCancellationRequested)
        {
            throw new RedisConnectionException($"Redis at {_settings.EndPoint} did not accept a connection within {timeout.TotalMilliseconds:0} ms.");
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new RedisConnectionException($"Redis at {_settings.EndPoint} is unreachable: {e.Message} ({e.SocketErrorCode}).", e);
        }

        try
        {
            await HandshakeAsync(connection, deadline.Token).ConfigureAwait(false);
            if (_onConnected is not null)
            {
                await _onConnected(connection, deadline.Token).ConfigureAwait(false);
            }
            return connection;
        }
        catch (Exception e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            if (e is OperationCanceledException && !_lifetime.IsCancellationRequested)
            {
                throw new RedisConnectionException($"Redis at {_settings.EndPoint} accepted the connection but did not complete the handshake (AUTH, SELECT) within {timeout.TotalMilliseconds:0} ms.");
            }
            throw;
        }
    }

    /// <summary>AUTH, CLIENT SETNAME and SELECT, pipelined; never traced or logged (AUTH carries the password).</summary>
    private async Task HandshakeAsync(RedisPhysicalConnection connection, CancellationToken cancellationToken)
    {
        var auth = _settings.Password is null
            ? null
            : connection.Enqueue(_settings.User is null
                ? new RedisRequest("AUTH", _settings.Password)
                : new RedisRequest("AUTH", _settings.User, _settings.Password));
        var name = _settings.ClientName is null ? null : connection.Enqueue(new RedisRequest("CLIENT", "SETNAME", _settings.ClientName));
        // Pub/sub is not per database, so a subscriber needs no SELECT.
        var select = _settings.Database == 0 || _onPush is not null ? null : connection.Enqueue(new RedisRequest("SELECT", (long)_settings.Database));

        if (auth is not null)
        {
            var reply = await auth.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (reply.Type == RedisResultType.Error)
            {
                throw new RedisAuthenticationException(
                    $"Redis at {_settings.EndPoint} rejected the {(_settings.User is null ? "password" : "user name or password")} ({Redact(reply.ErrorMessage!)}).");
            }
        }
        foreach (var step in (RedisPendingCommand?[])[name, select])
        {
            if (step is null)
            {
                continue;
            }
            var reply = await step.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (reply.Type == RedisResultType.Error)
            {
                var message = Redact(reply.ErrorMessage!);
                throw message.StartsWith("NOAUTH", StringComparison.Ordinal)
                    ? RedisCommandExecutor.PasswordRequired(_settings)
                    : new RedisConnectionException($"Redis at {_settings.EndPoint} refused {step.Request.Command} while connecting: {message}");
            }
        }
    }

    /// <summary>Server messages about AUTH do not echo the password today; this keeps it that way if one ever does.</summary>
    private string Redact(string message) =>
        _settings.Password is { Length: > 0 } password ? message.Replace(password, "*****", StringComparison.Ordinal) : message;

    private void OnAttemptFailed(RedisConnectionException error)
    {
        int attempt;
        long retryIn;
        lock (_gate)
        {
            _connecting = null;
            _lastError = error;
            attempt = ++_failedAttempts;
            var delay = Backoff(attempt);
            retryIn = (long)delay.TotalMilliseconds;
            _nextAttemptAt = Stopwatch.GetTimestamp() + (long)(delay.TotalSeconds * Stopwatch.Frequency);
            EnsureReconnecting();
        }
        if (attempt == 1)
        {
            RedisLog.ConnectFailed(_logger, _settings.EndPoint, _role, error.Message, retryIn);
        }
        else
        {
            RedisLog.ConnectStillFailing(_logger, _settings.EndPoint, _role, attempt, error.Message, retryIn);
        }
    }

    private void OnConnectionFailed(RedisPhysicalConnection connection, Exception reason)
    {
        lock (_gate)
        {
            // A socket that failed during its own handshake was never published; its attempt reports the failure.
            if (!ReferenceEquals(_current, connection) || _disposed)
            {
                return;
            }
            _current = null;
            _lastError = reason as RedisConnectionException ?? new RedisConnectionException($"The connection to Redis at {_settings.EndPoint} was lost.", reason);
            _failedAttempts = 0;
            _nextAttemptAt = Stopwatch.GetTimestamp();
            _lostAt = _nextAttemptAt;
            EnsureReconnecting();
        }
        RedisLog.ConnectionLost(_logger, _settings.EndPoint, _role, reason.Message);
    }

    private void EnsureReconnecting()
    {
        if (_reconnecting is null && !_disposed)
        {
            _reconnecting = Task.Run(ReconnectLoopAsync);
        }
    }

    private async Task ReconnectLoopAsync()
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                if (_disposed || _current is { IsAlive: true })
                {
                    _reconnecting = null;
                    return;
                }
                wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), _nextAttemptAt);
            }
            try
            {
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _lifetime.Token).ConfigureAwait(false);
                }
                await GetConnectionAsync(_lifetime.Token).ConfigureAwait(false);
            }
            catch (RedisConnectionException)
            {
                // Logged by the attempt; the loop waits for the next one.
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                lock (_gate)
                {
                    _reconnecting = null;
                }
                return;
            }
        }
    }

    private TimeSpan Backoff(int failedAttempts)
    {
        var exponent = Math.Min(failedAttempts - 1, 30);
        var delay = _options.ReconnectMinDelay * Math.Pow(2, exponent);
        // ±20 % jitter, so many clients that lost the same server do not reconnect in lockstep.
        delay *= 0.8 + (Random.Shared.NextDouble() * 0.4);
        return delay > _options.ReconnectMaxDelay ? _options.ReconnectMaxDelay : delay;
    }

    private RedisConnectionException NotConnected(RedisConnectionException lastError, TimeSpan wait)
    {
        var message = $"Redis at {_settings.EndPoint} is not connected; the next attempt is in {wait.TotalMilliseconds:0} ms. Last error: {lastError.Message}";
        return lastError is RedisAuthenticationException
            ? new RedisAuthenticationException(message, lastError)
            : new RedisConnectionException(message, lastError);
    }
}
