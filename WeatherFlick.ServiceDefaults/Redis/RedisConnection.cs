using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>
/// The one entry object of the Redis client, as <c>NpgsqlDataSource</c> is for PostgreSQL and
/// <c>ConnectionMultiplexer</c> for StackExchange.Redis: create one per server, share it, dispose it at shutdown.
/// <para>
/// Commands from any number of concurrent callers share one connection and are pipelined: written back to back and
/// matched to their replies in order. Creating it never connects (so never fails because Redis is down); the first
/// command connects. After the connection drops, commands in flight fail with <see cref="RedisConnectionException"/>
/// and the client reconnects with exponential backoff; meanwhile commands fail fast. Pub/sub uses a second, dedicated
/// connection that re-subscribes after reconnecting.
/// </para>
/// </summary>
public sealed class RedisConnection : RedisCommands, IAsyncDisposable, IDisposable
{
    private readonly RedisConnectionSettings _settings;
    private readonly RedisClientOptions _options;
    private readonly RedisCommandExecutor _executor;
    private readonly RedisLink _link;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private RedisSubscriber? _subscriber;
    private Task? _disposing;

    private RedisConnection(RedisConnectionSettings settings, RedisClientOptions options, ILogger logger)
    {
        _settings = settings;
        _options = options;
        _logger = logger;
        _executor = new RedisCommandExecutor(settings, options);
        _link = new RedisLink(settings, options, "commands", logger);
    }

    /// <summary>
    /// Parses <paramref name="connectionString"/> (<c>host:port,password=…</c>, as Aspire writes it) and validates
    /// <paramref name="options"/>; throws <see cref="ArgumentException"/> (naming the problem, never the password) when
    /// either is wrong. Does not connect.
    /// </summary>
    public static RedisConnection Create(string connectionString, RedisClientOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        var settings = RedisConnectionSettings.Parse(connectionString);
        var validated = options?.Clone() ?? new RedisClientOptions();
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(validated, new ValidationContext(validated), problems, validateAllProperties: true))
        {
            throw new ArgumentException($"Invalid Redis client options: {string.Join(" ", problems.Select(p => p.ErrorMessage))}", nameof(options));
        }
        var logger = (ILogger?)loggerFactory?.CreateLogger<RedisConnection>() ?? NullLogger.Instance;
        return new RedisConnection(settings, validated, logger);
    }

    /// <summary><c>host:port</c> of the server.</summary>
    public string EndPoint => _settings.EndPoint;

    /// <summary>The database index every command runs against (<c>defaultDatabase</c> in the connection string).</summary>
    public int Database => _settings.Database;

    /// <summary>Whether the command connection is up right now (it connects on the first command).</summary>
    public bool IsConnected => _link.IsConnected;

    public TimeSpan CommandTimeout => _executor.CommandTimeout;

    /// <summary>A batch of commands to send together; see <see cref="RedisBatch"/>.</summary>
    public RedisBatch CreateBatch() => new(_link, _executor);

    /// <summary>EVALSHA of <paramref name="script"/>, falling back to EVAL (which caches it again) when the server answers NOSCRIPT.</summary>
    public async Task<RedisResult> ScriptEvaluateAsync(RedisScript script, IReadOnlyList<string>? keys = null, IReadOnlyList<object>? args = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        try
        {
            return await ScriptEvaluateShaAsync(script.Sha1, keys, args, cancellationToken).ConfigureAwait(false);
        }
        catch (RedisServerException e) when (e.ErrorCode == "NOSCRIPT")
        {
            return await ScriptEvaluateAsync(script.Source, keys, args, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// SCAN through the whole key space, one page (one command) at a time, as StackExchange.Redis's <c>KeysAsync</c>.
    /// <paramref name="pattern"/> is a MATCH glob (<c>quota:*</c>); <paramref name="pageSize"/> is COUNT, a hint.
    /// As SCAN guarantees: every key present for the whole scan is returned; a key may be returned twice.
    /// </summary>
    public async IAsyncEnumerable<string> ScanAsync(string? pattern = null, int pageSize = 250, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var cursor = "0";
        do
        {
            RedisArgument[] arguments = pattern is null
                ? [cursor, "COUNT", (long)pageSize]
                : [cursor, "MATCH", pattern, "COUNT", (long)pageSize];
            var page = await SendAsync(new RedisRequest("SCAN", arguments), cancellationToken).ConfigureAwait(false);
            if (page.AsArray() is not [var next, var keys])
            {
                throw new InvalidCastException($"Redis replied to SCAN with {page} instead of [cursor, keys].");
            }
            // The cursor is an unsigned 64-bit number: kept as text, never parsed.
            cursor = next.AsString()!;
            foreach (var key in keys.AsArray() ?? [])
            {
                yield return key.AsString()!;
            }
        }
        while (cursor != "0");
    }

    /// <summary>
    /// SUBSCRIBE <paramref name="channel"/> on the subscriber connection; <paramref name="handler"/> gets each message
    /// in order (its token is cancelled when the subscription ends). Returns once Redis confirmed the subscription.
    /// </summary>
    public Task<RedisSubscription> SubscribeAsync(string channel, Func<RedisChannelMessage, CancellationToken, Task> handler, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentNullException.ThrowIfNull(handler);
        return Subscriber().SubscribeAsync(channel, handler, cancellationToken);
    }

    /// <inheritdoc cref="SubscribeAsync(string, Func{RedisChannelMessage, CancellationToken, Task}, CancellationToken)"/>
    public Task<RedisSubscription> SubscribeAsync(string channel, Action<RedisChannelMessage> handler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return SubscribeAsync(channel, (message, _) =>
        {
            handler(message);
            return Task.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>UNSUBSCRIBE: removes every handler of <paramref name="channel"/>.</summary>
    public Task UnsubscribeAsync(string channel, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        RedisSubscriber? subscriber;
        lock (_gate)
        {
            subscriber = _subscriber;
        }
        return subscriber?.UnsubscribeAsync(channel, cancellationToken) ?? Task.CompletedTask;
    }

    /// <summary>The connection string with the password masked.</summary>
    public override string ToString() => _settings.ToString();

    /// <summary>Closes both connections; commands still waiting fail with <see cref="ObjectDisposedException"/>.</summary>
    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _disposing ??= DisposeCoreAsync();
            return new ValueTask(_disposing);
        }
    }

    /// <summary>Starts closing both connections without waiting for their loops to end (prefer <see cref="DisposeAsync"/>).</summary>
    public void Dispose() => _ = DisposeAsync().AsTask();

    private protected override Task<RedisResult> SendAsync(RedisRequest request, CancellationToken cancellationToken) =>
        _executor.ExecuteAsync(_link, request, cancellationToken);

    private RedisSubscriber Subscriber()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposing is not null, this);
            return _subscriber ??= new RedisSubscriber(_settings, _options, _executor, _logger);
        }
    }

    private async Task DisposeCoreAsync()
    {
        RedisSubscriber? subscriber;
        lock (_gate)
        {
            subscriber = _subscriber;
        }
        if (subscriber is not null)
        {
            await subscriber.DisposeAsync().ConfigureAwait(false);
        }
        await _link.DisposeAsync().ConfigureAwait(false);
    }
}
