using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Aspire.StackExchange.Redis;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace WeatherFlick.Jobs.Collection.Gateway;

/// <summary>
/// Successful answers in Redis, keyed by provider, operation and the request without its key, so a re-run within
/// the TTL spends no quota on pages it already fetched. The cache is an optimisation: when Redis is down the call
/// simply goes upstream.
/// </summary>
public sealed partial class ResponseCache(IConnectionMultiplexer redis, ILogger<ResponseCache> logger)
{
    /// <summary>The Redis connection's name (<c>ConnectionStrings:cache</c>).</summary>
    public const string ConnectionName = "cache";

    private readonly IDatabase _database = redis.GetDatabase();

    /// <summary>
    /// For <c>AddRedisClient</c>'s settings callback: connect when the host starts, not at the first cache call, so a
    /// missing or unusable <c>ConnectionStrings:cache</c> stops the server at start with a message naming it. A Redis
    /// that is merely down delays the start by the connect timeout at most.
    /// </summary>
    public static void ConfigureSettings(StackExchangeRedisSettings settings)
    {
        settings.DisableAutoActivation = false;
        // An empty value (ConnectionStrings__cache= in an environment file) would otherwise fail with
        // "is empty (Parameter 'configuration')"; as a missing one, Aspire's message names the setting.
        if (string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            settings.ConnectionString = null;
        }
    }

    /// <summary>
    /// The connection options of a cache that is only an optimisation, for <c>AddRedisClient</c>'s options callback.
    /// They win over the same options in the connection string.
    /// </summary>
    public static void ConfigureConnection(ConfigurationOptions options)
    {
        // Start, and keep collecting, while Redis is down; the multiplexer reconnects by itself when it returns.
        options.AbortOnConnectFail = false;
        // While disconnected, fail each command at once instead of queueing it until its timeout: every page would
        // otherwise wait that long before going upstream.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = 2_000;
        // A reply is a few hundred KB at most, from a server next door: a second means it is not coming.
        options.SyncTimeout = 1_000;
        options.AsyncTimeout = 1_000;
    }

    public async Task<CachedAnswer?> TryGetAsync(string provider, string operation, string query, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            using var value = await _database.StringGetLeaseAsync(Key(provider, operation, query));
            if (value is null || value.Length < sizeof(long))
            {
                return null;
            }
            var rawId = BinaryPrimitives.ReadInt64LittleEndian(value.Span);
            return new CachedAnswer(rawId, RawArchive.Decompress(value.Memory[sizeof(long)..]));
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            LogUnavailable(e.Message);
            return null;
        }
    }

    public async Task SetAsync(string provider, string operation, string query, long rawResponseId, ReadOnlyMemory<byte> body, TimeSpan ttl, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // [raw id | compressed body] in a pooled buffer, for the same reason the archive compresses into one.
        var value = ArrayPool<byte>.Shared.Rent(sizeof(long) + RawArchive.MaxCompressedLength(body.Length));
        BinaryPrimitives.WriteInt64LittleEndian(value, rawResponseId);
        var length = sizeof(long) + RawArchive.Compress(body.Span, value.AsSpan(sizeof(long)));
        try
        {
            await _database.StringSetAsync(Key(provider, operation, query), value.AsMemory(0, length), ttl);
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            // The buffer is left to the collector: a command that timed out may still be queued for writing.
            LogUnavailable(e.Message);
            return;
        }
        ArrayPool<byte>.Shared.Return(value);
    }

    /// <summary>
    /// Redis down, unreachable, refusing (RedisConnectionException and RedisServerException are RedisExceptions) or
    /// too slow: RedisTimeoutException derives from TimeoutException, not from RedisException.
    /// </summary>
    private static bool IsUnavailable(Exception e) => e is RedisException or RedisTimeoutException;

    private static string Key(string provider, string operation, string query) =>
        $"wf:cache:{provider}:{operation}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)))}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Response cache unavailable, calling upstream instead: {Reason}")]
    private partial void LogUnavailable(string reason);
}
