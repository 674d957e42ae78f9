using System.Buffers;
using System.IO.Compression;
using System.Runtime.InteropServices;
using Npgsql;
using NpgsqlTypes;

namespace WeatherFlick.Jobs.Collection.Gateway;

/// <summary>
/// Keeps every upstream exchange, Brotli-compressed, until its provider's retention ends. The id it returns travels
/// with the items parsed from that answer, so a stored row leads back to the bytes it came from and transforms can be
/// replayed without calling the API again.
/// </summary>
public sealed class RawArchive(NpgsqlDataSource dataSource)
{
    public async Task<long> SaveAsync(RawExchange exchange, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO raw_responses (provider, operation, request, key_fingerprint, http_status, outcome, attempt,
                                       duration_ms, size_bytes, content_type, body, fetched_at, expires_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            RETURNING id
            """);
        command.Parameters.Add(new() { Value = exchange.Provider });
        command.Parameters.Add(new() { Value = exchange.Operation });
        command.Parameters.Add(new() { Value = exchange.RedactedRequest });
        command.Parameters.Add(new() { Value = (object?)exchange.KeyFingerprint ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)exchange.HttpStatus ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new() { Value = exchange.Outcome });
        command.Parameters.Add(new() { Value = exchange.Attempt });
        command.Parameters.Add(new() { Value = (int)Math.Min(int.MaxValue, exchange.Duration.TotalMilliseconds) });
        command.Parameters.Add(new() { Value = exchange.Body.Length });
        command.Parameters.Add(new() { Value = (object?)exchange.ContentType ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        var compressed = ArrayPool<byte>.Shared.Rent(MaxCompressedLength(exchange.Body.Length));
        var written = Compress(exchange.Body.Span, compressed);
        command.Parameters.Add(new() { Value = new ReadOnlyMemory<byte>(compressed, 0, written), NpgsqlDbType = NpgsqlDbType.Bytea });
        command.Parameters.Add(new() { Value = exchange.FetchedAt });
        command.Parameters.Add(new() { Value = exchange.ExpiresAt });
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        // Returned only once the command is done with it: after a failure the buffer is left to the collector, since
        // the driver may not have finished reading it.
        ArrayPool<byte>.Shared.Return(compressed);
        return id;
    }

    /// <summary>The body exactly as received, or null when the exchange has expired or never existed.</summary>
    public async Task<byte[]?> ReadBodyAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT body FROM raw_responses WHERE id = $1");
        command.Parameters.Add(new() { Value = id });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is byte[] compressed
            ? Decompress(compressed)
            : null;
    }

    /// <summary>How many exchanges have expired by <paramref name="now"/> (what an expiry run has ahead of it).</summary>
    public async Task<long> CountExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM raw_responses WHERE expires_at <= $1");
        command.Parameters.Add(new() { Value = now });
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Deletes what expired by <paramref name="now"/>, <paramref name="batchSize"/> rows per statement, each statement
    /// its own short transaction: no lock outlives a batch, and rows another session holds are skipped rather than
    /// waited for (the next run takes them). <paramref name="afterBatch"/> hears each batch's count. Returns the total.
    /// </summary>
    public async Task<long> DeleteExpiredAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken, Action<int>? afterBatch = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        long total = 0;
        while (true)
        {
            await using var command = dataSource.CreateCommand("""
                DELETE FROM raw_responses WHERE id IN (
                    SELECT id FROM raw_responses WHERE expires_at <= $1 ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED)
                """);
            command.Parameters.Add(new() { Value = now });
            command.Parameters.Add(new() { Value = batchSize });
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            total += deleted;
            if (deleted > 0)
            {
                afterBatch?.Invoke(deleted);
            }
            // A short batch means nothing unlocked is left; a full one may have more behind it.
            if (deleted < batchSize)
            {
                return total;
            }
        }
    }

    /// <summary>The buffer size <see cref="Compress(ReadOnlySpan{byte}, Span{byte})"/> needs for a body of this length.</summary>
    internal static int MaxCompressedLength(int bodyLength) => BrotliEncoder.GetMaxCompressedLength(bodyLength);

    /// <summary>
    /// Compresses into <paramref name="destination"/> (at least <see cref="MaxCompressedLength"/> long) and returns the
    /// length written. Callers compress into pooled buffers: a compressed page is often over 85 KB, and a fresh array
    /// per page would land on the large-object heap, which only a full collection frees.
    /// </summary>
    internal static int Compress(ReadOnlySpan<byte> body, Span<byte> destination)
    {
        // Quality 5: most of Brotli's ratio on JSON at a small fraction of the top levels' CPU.
        return BrotliEncoder.TryCompress(body, destination, out var written, quality: 5, window: 22)
            ? written
            : throw new InvalidOperationException("Brotli compression failed.");
    }

    internal static byte[] Decompress(ReadOnlyMemory<byte> compressed)
    {
        // Pooled and leased buffers are arrays underneath: read them in place rather than copy them first.
        using var input = MemoryMarshal.TryGetArray(compressed, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(compressed.ToArray(), writable: false);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        brotli.CopyTo(output);
        return output.ToArray();
    }
}
