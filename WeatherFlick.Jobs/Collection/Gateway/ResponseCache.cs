using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using WeatherFlick.ServiceDefaults.Redis;

namespace WeatherFlick.Jobs.Collection.Gateway;

/// <summary>
/// Successful answers in Redis, keyed by provider, operation and the request without its key, so a re-run within
/// the TTL spends no quota on pages it already fetched. The cache is an optimisation: when Redis is down the call
/// simply goes upstream.
/// </summary>
public sealed partial class ResponseCache(RedisConnection redis, ILogger<ResponseCache> logger)
{
    public async Task<CachedAnswer?> TryGetAsync(string provider, string operation, string query, CancellationToken cancellationToken)
    {
        try
        {
            var value = await redis.StringGetBytesAsync(Key(provider, operation, query), cancellationToken).ConfigureAwait(false);
            if (value is null || value.Length < sizeof(long))
            {
                return null;
            }
            var rawId = BinaryPrimitives.ReadInt64LittleEndian(value);
            return new CachedAnswer(rawId, RawArchive.Decompress(value[sizeof(long)..]));
        }
        catch (RedisException e)
        {
            LogUnavailable(e.Message);
            return null;
        }
    }

    public async Task SetAsync(string provider, string operation, string query, long rawResponseId, ReadOnlyMemory<byte> body, TimeSpan ttl, CancellationToken cancellationToken)
    {
        // [raw id | compressed body] in a pooled buffer, for the same reason the archive compresses into one.
        var value = ArrayPool<byte>.Shared.Rent(sizeof(long) + RawArchive.MaxCompressedLength(body.Length));
        BinaryPrimitives.WriteInt64LittleEndian(value, rawResponseId);
        var length = sizeof(long) + RawArchive.Compress(body.Span, value.AsSpan(sizeof(long)));
        try
        {
            await redis.StringSetAsync(Key(provider, operation, query), value.AsMemory(0, length), ttl, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RedisException e)
        {
            // The buffer is left to the collector: a command that failed may still be queued for writing.
            LogUnavailable(e.Message);
            return;
        }
        ArrayPool<byte>.Shared.Return(value);
    }

    private static string Key(string provider, string operation, string query) =>
        $"wf:cache:{provider}:{operation}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)))}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Response cache unavailable, calling upstream instead: {Reason}")]
    private partial void LogUnavailable(string reason);
}
