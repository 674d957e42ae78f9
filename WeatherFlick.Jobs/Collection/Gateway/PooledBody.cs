using System.Buffers;

namespace WeatherFlick.Jobs.Collection.Gateway;

/// <summary>
/// A response body read into a buffer rented from the shared pool and returned when disposed. A 1,000-row page is
/// over half a megabyte: a fresh array per page lands on the large-object heap, which only a full collection frees,
/// so a long sync's memory would grow with the number of pages instead of staying flat.
/// </summary>
internal sealed class PooledBody : IDisposable
{
    /// <summary>The first buffer when the length is unknown; also the most a declared length may pre-allocate.</summary>
    private const int InitialSize = 64 * 1024;
    private const int MaxPreallocation = 8 * 1024 * 1024;

    private byte[]? _buffer;
    private readonly int _length;

    private PooledBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public ReadOnlyMemory<byte> Memory => _buffer is { } buffer ? buffer.AsMemory(0, _length) : throw new ObjectDisposedException(nameof(PooledBody));

    public int Length => _length;

    public static async Task<PooledBody> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        var buffer = ArrayPool<byte>.Shared.Rent(declared is > 0 and <= MaxPreallocation ? (int)declared.Value + 1 : InitialSize);
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return new PooledBody(buffer, length);
                }
                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
