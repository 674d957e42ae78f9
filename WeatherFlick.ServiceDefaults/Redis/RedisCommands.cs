using System.Diagnostics;

namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>
/// The typed commands, named as StackExchange.Redis's <c>IDatabaseAsync</c> names them so callers could move back to
/// it with few changes. Shared by <see cref="RedisConnection"/> (each command sent at once, concurrent callers
/// pipelined automatically) and <see cref="RedisBatch"/> (commands held until <see cref="RedisBatch.ExecuteAsync"/>).
/// Keys and text values are UTF-8; the <see cref="ReadOnlyMemory{T}"/>/<c>byte[]</c> overloads are binary-safe.
/// Cancelling stops waiting for the reply; a command already sent may still run on the server.
/// </summary>
public abstract class RedisCommands
{
    private protected RedisCommands()
    {
    }

    /// <summary>PING; the round-trip time.</summary>
    public async Task<TimeSpan> PingAsync(CancellationToken cancellationToken = default)
    {
        var startedAt = Stopwatch.GetTimestamp();
        await SendAsync(new RedisRequest("PING"), cancellationToken).ConfigureAwait(false);
        return Stopwatch.GetElapsedTime(startedAt);
    }

    /// <summary>GET as UTF-8 text; null when the key does not exist.</summary>
    public Task<string?> StringGetAsync(string key, CancellationToken cancellationToken = default) =>
        SendAsync(new RedisRequest("GET", Key(key)), static reply => reply.AsString(), cancellationToken);

    /// <summary>GET as the exact bytes stored; null when the key does not exist.</summary>
    public Task<byte[]?> StringGetBytesAsync(string key, CancellationToken cancellationToken = default) =>
        SendAsync(new RedisRequest("GET", Key(key)), static reply => reply.AsBytes(), cancellationToken);

    /// <summary>
    /// SET, with EX (whole seconds) or PX (otherwise) when <paramref name="expiry"/> is given and NX/XX from
    /// <paramref name="when"/>. False when NX/XX prevented the write.
    /// </summary>
    public Task<bool> StringSetAsync(string key, string value, TimeSpan? expiry = null, When when = When.Always, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        return StringSetCoreAsync(key, value, expiry, when, cancellationToken);
    }

    /// <inheritdoc cref="StringSetAsync(string, string, TimeSpan?, When, CancellationToken)"/>
    public Task<bool> StringSetAsync(string key, ReadOnlyMemory<byte> value, TimeSpan? expiry = null, When when = When.Always, CancellationToken cancellationToken = default) =>
        StringSetCoreAsync(key, value, expiry, when, cancellationToken);

    /// <summary>INCRBY; the new value.</summary>
    public Task<long> StringIncrementAsync(string key, long value = 1, CancellationToken cancellationToken = default) =>
        SendAsync(new RedisRequest("INCRBY", Key(key), value), static reply => reply.AsInt64(), cancellationToken);

    /// <summary>INCRBYFLOAT; the new value.</summary>
    public Task<double> StringIncrementAsync(string key, double value, CancellationToken cancellationToken = default) =>
        SendAsync(new RedisRequest("INCRBYFLOAT", Key(key), value), static reply => reply.AsDouble(), cancellationToken);

    /// <summary>DECRBY; the new value.</summary>
    public Task<long> StringDecrementAsync(string key, long value = 1, CancellationToken cancellationToken = default) =>
        SendAsync(new RedisRequest("DECRBY", Key(key), value), static reply => reply.AsInt64(), cancellationToken);

    /// <summary>DEL of one key; true when it existed.</summary>
    public Task<bool> KeyDeleteAsync(string key, CancellationToken cancellationToken = default) =>
        SendAsync(new RedisRequest("DEL", Key(key)), static reply => reply.AsBoolean(), cancellationToken);

    /// <summary>DEL of many keys in one command; how many existed.</summary>
    public Task<long> KeyDeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
        SendAsync(new RedisRequest("DEL", Keys(keys)), static reply => reply.AsInt64(), cancellationToken);

    /// <summary>EXISTS of one key.</summary>
    public Task<bool> KeyExistsAsync(string key, CancellationToken cancellationToken = default) =>
        SendAsync(new RedisRequest("EXISTS", Key(key)), static reply => reply.AsBoolean(), cancellationToken);

    /// <summary>EXISTS of many keys; how many of them exist (a key named twice counts twice, as in Redis).</summary>
    public Task<long> KeyExistsAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
        SendAsync(new RedisRequest("EXISTS", Keys(keys)), static reply => reply.AsInt64(), cancellationToken);

    /// <summary>EXPIRE (whole seconds) or PEXPIRE (otherwise); false when the key does not exist.</summary>
    public Task<bool> KeyExpireAsync(string key, TimeSpan expiry, CancellationToken cancellationToken = default)
    {
        var request = expiry.Ticks % TimeSpan.TicksPerSecond == 0
            ? new RedisRequest("EXPIRE", Key(key), (long)expiry.TotalSeconds)
            : new RedisRequest("PEXPIRE", Key(key), (long)expiry.TotalMilliseconds);
        return SendAsync(request, static reply => reply.AsBoolean(), cancellationToken);
    }

    /// <summary>EXPIREAT (whole seconds) or PEXPIREAT (otherwise); false when the key does not exist.</summary>
    public Task<bool> KeyExpireAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        var milliseconds = expiresAt.ToUnixTimeMilliseconds();
        var request = milliseconds % 1000 == 0
            ? new RedisRequest("EXPIREAT", Key(key), milliseconds / 1000)
            : new RedisRequest("PEXPIREAT", Key(key), milliseconds);
        return SendAsync(request, static reply => reply.AsBoolean(), cancellationToken);
    }

    /// <summary>PTTL: the time left to live; null when the key does not exist or has no expiry.</summary>
    public Task<TimeSpan?> KeyTimeToLiveAsync(string key, CancellationToken cancellationToken = default) =>
        SendAsync(new RedisRequest("PTTL", Key(key)), static reply => reply.AsInt64() is var ms and >= 0 ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null, cancellationToken);

    /// <summary>TTL: whole seconds left to live; -2 when the key does not exist, -1 when it has no expiry (Redis's own answer).</summary>
    public Task<long> KeyTimeToLiveSecondsAsync(string key, CancellationToken cancellationToken = default) =>
        SendAsync(new RedisRequest("TTL", Key(key)), static reply => reply.AsInt64(), cancellationToken);

    /// <summary>HINCRBY; the field's new value.</summary>
    public Task<long> HashIncrementAsync(string key, string field, long value = 1, CancellationToken cancellationToken = default) =>
        SendAsync(new RedisRequest("HINCRBY", Key(key), Field(field), value), static reply => reply.AsInt64(), cancellationToken);

    /// <summary>HSET of one field; true when the field is new.</summary>
    public Task<bool> HashSetAsync(string key, string field, string value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        return SendAsync(new RedisRequest("HSET", Key(key), Field(field), value), static reply => reply.AsBoolean(), cancellationToken);
    }

    /// <inheritdoc cref="HashSetAsync(string, string, string, CancellationToken)"/>
    public Task<bool> HashSetAsync(string key, string field, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default) =>
        SendAsync(new RedisRequest("HSET", Key(key), Field(field), value), static reply => reply.AsBoolean(), cancellationToken);

    /// <summary>HSET of many fields in one command; how many were new.</summary>
    public Task<long> HashSetAsync(string key, IReadOnlyCollection<KeyValuePair<string, string>> fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count == 0)
        {
            throw new ArgumentException("HSET needs at least one field.", nameof(fields));
        }
        var arguments = new RedisArgument[1 + (2 * fields.Count)];
        arguments[0] = Key(key);
        var i = 1;
        foreach (var (field, value) in fields)
        {
            arguments[i++] = Field(field);
            arguments[i++] = value ?? throw new ArgumentException($"The value of field '{field}' is null.", nameof(fields));
        }
        return SendAsync(new RedisRequest("HSET", arguments), static reply => reply.AsInt64(), cancellationToken);
    }

    /// <summary>HGET as UTF-8 text; null when the key or field does not exist.</summary>
    public Task<string?> HashGetAsync(string key, string field, CancellationToken cancellationToken = default) =>
        SendAsync(new RedisRequest("HGET", Key(key), Field(field)), static reply => reply.AsString(), cancellationToken);

    /// <summary>HGET as the exact bytes stored; null when the key or field does not exist.</summary>
    public Task<byte[]?> HashGetBytesAsync(string key, string field, CancellationToken cancellationToken = default) =>
        SendAsync(new RedisRequest("HGET", Key(key), Field(field)), static reply => reply.AsBytes(), cancellationToken);

    /// <summary>HGETALL as field → UTF-8 value; empty when the key does not exist.</summary>
    public Task<IReadOnlyDictionary<string, string>> HashGetAllAsync(string key, CancellationToken cancellationToken = default) =>
        SendAsync(new RedisRequest("HGETALL", Key(key)), static reply =>
        {
            var flat = reply.AsArray() ?? [];
            var fields = new Dictionary<string, string>(flat.Count / 2, StringComparer.Ordinal);
            for (var i = 0; i + 1 < flat.Count; i += 2)
            {
                fields[flat[i].AsString()!] = flat[i + 1].AsString()!;
            }
            return (IReadOnlyDictionary<string, string>)fields;
        }, cancellationToken);

    /// <summary>HDEL of one field; true when it existed.</summary>
    public Task<bool> HashDeleteAsync(string key, string field, CancellationToken cancellationToken = default) =>
        SendAsync(new RedisRequest("HDEL", Key(key), Field(field)), static reply => reply.AsBoolean(), cancellationToken);

    /// <summary>HDEL of many fields; how many existed.</summary>
    public Task<long> HashDeleteAsync(string key, IReadOnlyCollection<string> fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count == 0)
        {
            throw new ArgumentException("HDEL needs at least one field.", nameof(fields));
        }
        return SendAsync(new RedisRequest("HDEL", [Key(key), .. fields.Select(Field)]), static reply => reply.AsInt64(), cancellationToken);
    }

    /// <summary>EVAL: runs <paramref name="script"/> (Lua) with KEYS and ARGV. Prefer <see cref="RedisScript"/> for scripts run often.</summary>
    public Task<RedisResult> ScriptEvaluateAsync(string script, IReadOnlyList<string>? keys = null, IReadOnlyList<object>? args = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        return SendAsync(ScriptRequest("EVAL", script, keys, args), cancellationToken);
    }

    /// <summary>EVALSHA: runs a script the server has cached; <see cref="RedisServerException"/> with code <c>NOSCRIPT</c> when it has not.</summary>
    public Task<RedisResult> ScriptEvaluateShaAsync(string sha1, IReadOnlyList<string>? keys = null, IReadOnlyList<object>? args = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sha1);
        return SendAsync(ScriptRequest("EVALSHA", sha1, keys, args), cancellationToken);
    }

    /// <summary>SCRIPT LOAD; the script's SHA1 (lower-case hex), as <see cref="RedisScript.Sha1"/> computes it.</summary>
    public Task<string> ScriptLoadAsync(string script, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        return SendAsync(new RedisRequest("SCRIPT", "LOAD", script), static reply => reply.AsString()!, cancellationToken);
    }

    /// <summary>PUBLISH; how many subscribers received the message.</summary>
    public Task<long> PublishAsync(string channel, string message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SendAsync(new RedisRequest("PUBLISH", Channel(channel), message), static reply => reply.AsInt64(), cancellationToken);
    }

    /// <inheritdoc cref="PublishAsync(string, string, CancellationToken)"/>
    public Task<long> PublishAsync(string channel, ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default) =>
        SendAsync(new RedisRequest("PUBLISH", Channel(channel), message), static reply => reply.AsInt64(), cancellationToken);

    /// <summary>
    /// Any other command, as StackExchange.Redis's <c>ExecuteAsync</c>. Arguments may be strings, byte arrays,
    /// <see cref="ReadOnlyMemory{T}"/> of bytes, integers, floating-point numbers or booleans. Commands that would
    /// change or block the shared connection (AUTH, SELECT, MULTI, SUBSCRIBE, BLPOP, …) are refused: use the typed
    /// methods and <see cref="RedisConnection.SubscribeAsync(string, Func{RedisChannelMessage, CancellationToken, Task}, CancellationToken)"/>.
    /// This overload waits at most the command timeout; use the other to cancel.
    /// </summary>
    public Task<RedisResult> ExecuteAsync(string command, params object[] args) =>
        ExecuteAsync(command, (IReadOnlyCollection<object>)args, CancellationToken.None);

    /// <inheritdoc cref="ExecuteAsync(string, object[])"/>
    public Task<RedisResult> ExecuteAsync(string command, IReadOnlyCollection<object> args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var name = RedisCommandGuard.Check(command, args);
        var arguments = new RedisArgument[args.Count];
        var i = 0;
        foreach (var arg in args)
        {
            arguments[i] = RedisArgument.FromObject(arg, i);
            i++;
        }
        return SendAsync(new RedisRequest(name, arguments), cancellationToken);
    }

    /// <summary>Sends (or, in a batch, queues) one request; the reply, with error replies already turned into exceptions.</summary>
    private protected abstract Task<RedisResult> SendAsync(RedisRequest request, CancellationToken cancellationToken);

    private protected async Task<T> SendAsync<T>(RedisRequest request, Func<RedisResult, T> map, CancellationToken cancellationToken) =>
        map(await SendAsync(request, cancellationToken).ConfigureAwait(false));

    private protected static RedisArgument Key(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key;
    }

    private static RedisArgument Field(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field;
    }

    private static RedisArgument Channel(string channel)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        return channel;
    }

    private static RedisArgument[] Keys(IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            throw new ArgumentException("At least one key is needed.", nameof(keys));
        }
        return [.. keys.Select(Key)];
    }

    private Task<bool> StringSetCoreAsync(string key, RedisArgument value, TimeSpan? expiry, When when, CancellationToken cancellationToken)
    {
        var arguments = new List<RedisArgument>(5) { Key(key), value };
        if (expiry is { } ttl)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero, nameof(expiry));
            if (ttl.Ticks % TimeSpan.TicksPerSecond == 0)
            {
                arguments.AddRange(["EX", (long)ttl.TotalSeconds]);
            }
            else
            {
                // Below a millisecond Redis cannot express it; round up rather than send PX 0 (an error).
                arguments.AddRange(["PX", Math.Max(1L, (long)Math.Ceiling(ttl.TotalMilliseconds))]);
            }
        }
        switch (when)
        {
            case When.NotExists:
                arguments.Add("NX");
                break;
            case When.Exists:
                arguments.Add("XX");
                break;
            case When.Always:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(when), when, "Unknown condition.");
        }
        return SendAsync(new RedisRequest("SET", [.. arguments]), static reply => !reply.IsNull, cancellationToken);
    }

    private static RedisRequest ScriptRequest(string command, string scriptOrSha, IReadOnlyList<string>? keys, IReadOnlyList<object>? args)
    {
        keys ??= [];
        args ??= [];
        var arguments = new RedisArgument[2 + keys.Count + args.Count];
        arguments[0] = scriptOrSha;
        arguments[1] = (long)keys.Count;
        for (var i = 0; i < keys.Count; i++)
        {
            arguments[2 + i] = Key(keys[i]);
        }
        for (var i = 0; i < args.Count; i++)
        {
            arguments[2 + keys.Count + i] = RedisArgument.FromObject(args[i], i);
        }
        return new RedisRequest(command, arguments);
    }
}
