using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>
/// Reads RESP2 replies off a byte stream that arrives in arbitrary pieces. A reply is first scanned, without
/// allocating, until it is complete; the scan resumes where it stopped when more bytes arrive, so a large array or
/// value that trickles in costs linear time. Only a complete reply is materialised into a <see cref="RedisResult"/>.
/// One instance per connection: it keeps the scan state of the reply in progress.
/// </summary>
internal sealed class RespReader
{
    /// <summary>Longest header or simple-string/error line accepted: real lines are short, garbage must not buffer forever.</summary>
    internal const int MaxLineLength = 64 * 1024;

    /// <summary>Deeper nesting than any real reply; guards the recursive materialiser against a hostile stream.</summary>
    internal const int MaxDepth = 512;

    private static ReadOnlySpan<byte> NewLine => "\r\n"u8;

    private long _scanned;
    private long _remaining = 1;

    /// <summary>
    /// Takes one complete reply off the front of <paramref name="buffer"/>; false (buffer untouched) when the reply
    /// is not complete yet. Throws <see cref="RedisProtocolException"/> when the bytes are not RESP2.
    /// </summary>
    public bool TryRead(ref ReadOnlySequence<byte> buffer, out RedisResult? result)
    {
        if (!TryScan(buffer))
        {
            result = null;
            return false;
        }
        var frame = buffer.Slice(0, _scanned);
        var reader = new SequenceReader<byte>(frame);
        result = Materialise(ref reader, depth: 0);
        buffer = buffer.Slice(frame.End);
        _scanned = 0;
        _remaining = 1;
        return true;
    }

    private bool TryScan(in ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        reader.Advance(_scanned);
        // RESP is prefix-ordered, so one counter of elements still to come is enough: an array header adds its count.
        while (_remaining > 0)
        {
            if (!reader.TryRead(out var type) || !TryReadLine(ref reader, out var line))
            {
                return false;
            }
            switch (type)
            {
                case (byte)'+' or (byte)'-':
                    break;
                case (byte)':':
                    ParseInteger(line);
                    break;
                case (byte)'$':
                    var length = ParseLength(line, "bulk string");
                    if (length >= 0)
                    {
                        if (reader.Remaining < length + 2)
                        {
                            return false;
                        }
                        reader.Advance(length);
                        ExpectNewLine(ref reader);
                    }
                    break;
                case (byte)'*':
                    var count = ParseLength(line, "array");
                    if (count > 0)
                    {
                        _remaining += count;
                    }
                    break;
                default:
                    throw new RedisProtocolException($"unexpected reply type byte 0x{type:X2}");
            }
            _remaining--;
            _scanned = reader.Consumed;
        }
        return true;
    }

    private static RedisResult Materialise(ref SequenceReader<byte> reader, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new RedisProtocolException($"reply nested deeper than {MaxDepth} levels");
        }
        reader.TryRead(out var type);
        TryReadLine(ref reader, out var line);
        switch (type)
        {
            case (byte)'+':
                return RedisResult.SimpleString(Encoding.UTF8.GetString(line));
            case (byte)'-':
                return RedisResult.Error(Encoding.UTF8.GetString(line));
            case (byte)':':
                return RedisResult.Integer(ParseInteger(line));
            case (byte)'$':
                var length = ParseLength(line, "bulk string");
                if (length < 0)
                {
                    return RedisResult.NullBulkString;
                }
                var bytes = reader.UnreadSequence.Slice(0, length).ToArray();
                reader.Advance(length + 2);
                return RedisResult.BulkString(bytes);
            default:
                var count = ParseLength(line, "array");
                if (count < 0)
                {
                    return RedisResult.NullArray;
                }
                var elements = new RedisResult[count];
                for (var i = 0; i < elements.Length; i++)
                {
                    elements[i] = Materialise(ref reader, depth + 1);
                }
                return RedisResult.Array(elements);
        }
    }

    private static bool TryReadLine(ref SequenceReader<byte> reader, out ReadOnlySequence<byte> line)
    {
        if (reader.TryReadTo(out line, NewLine, advancePastDelimiter: true))
        {
            if (line.Length > MaxLineLength)
            {
                throw new RedisProtocolException($"a reply line is longer than {MaxLineLength} bytes");
            }
            return true;
        }
        if (reader.Remaining > MaxLineLength)
        {
            throw new RedisProtocolException($"no line end within {MaxLineLength} bytes");
        }
        return false;
    }

    private static void ExpectNewLine(ref SequenceReader<byte> reader)
    {
        if (!reader.IsNext(NewLine, advancePast: true))
        {
            throw new RedisProtocolException("a bulk string is not followed by CRLF");
        }
    }

    private static long ParseInteger(in ReadOnlySequence<byte> line)
    {
        Span<byte> digits = stackalloc byte[20];
        if (line.Length is 0 or > 20)
        {
            throw new RedisProtocolException("an integer reply is empty or too long");
        }
        line.CopyTo(digits);
        digits = digits[..(int)line.Length];
        if (!Utf8Parser.TryParse(digits, out long value, out var consumed) || consumed != digits.Length)
        {
            throw new RedisProtocolException("an integer reply is not a number");
        }
        return value;
    }

    private static int ParseLength(in ReadOnlySequence<byte> line, string what)
    {
        var value = ParseInteger(line);
        // Array.MaxLength bounds what one reply element can be in .NET; Redis itself caps bulk strings at 512 MB.
        if (value < -1 || value > System.Array.MaxLength)
        {
            throw new RedisProtocolException($"invalid {what} length {value}");
        }
        return (int)value;
    }
}
