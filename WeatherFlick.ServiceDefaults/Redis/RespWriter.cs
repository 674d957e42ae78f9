using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>Writes commands as RESP2 arrays of bulk strings, straight into the connection's output buffer.</summary>
internal static class RespWriter
{
    // Strings up to this size are encoded in one span; longer ones stream through the writer in its own chunks,
    // so a 1 MB value never asks the pipe for a 1 MB contiguous block.
    private const int ContiguousTextLimit = 4096;

    public static void WriteCommand(IBufferWriter<byte> writer, RedisRequest request)
    {
        WritePrefixed(writer, (byte)'*', request.Arguments.Length + 1);
        WriteText(writer, request.Command);
        foreach (var argument in request.Arguments)
        {
            switch (argument.Kind)
            {
                case RedisArgumentKind.Text:
                    WriteText(writer, argument.Text);
                    break;
                case RedisArgumentKind.Bytes:
                    WriteBytes(writer, argument.Bytes.Span);
                    break;
                case RedisArgumentKind.Integer:
                    WriteInteger(writer, argument.Integer);
                    break;
                case RedisArgumentKind.Double:
                    WriteDouble(writer, argument.Double);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown argument kind {argument.Kind}.");
            }
        }
    }

    private static void WriteText(IBufferWriter<byte> writer, string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        WritePrefixed(writer, (byte)'$', length);
        if (length <= ContiguousTextLimit)
        {
            var span = writer.GetSpan(length);
            writer.Advance(Encoding.UTF8.GetBytes(text, span));
        }
        else
        {
            Encoding.UTF8.GetBytes(text.AsSpan(), writer);
        }
        WriteNewLine(writer);
    }

    private static void WriteBytes(IBufferWriter<byte> writer, ReadOnlySpan<byte> bytes)
    {
        WritePrefixed(writer, (byte)'$', bytes.Length);
        while (!bytes.IsEmpty)
        {
            var span = writer.GetSpan();
            var count = Math.Min(span.Length, bytes.Length);
            bytes[..count].CopyTo(span);
            writer.Advance(count);
            bytes = bytes[count..];
        }
        WriteNewLine(writer);
    }

    private static void WriteInteger(IBufferWriter<byte> writer, long value)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, digits, out var length);
        WriteBytes(writer, digits[..length]);
    }

    private static void WriteDouble(IBufferWriter<byte> writer, double value)
    {
        if (double.IsInfinity(value))
        {
            WriteBytes(writer, value > 0 ? "inf"u8 : "-inf"u8);
            return;
        }
        Span<byte> digits = stackalloc byte[32];
        // "R" round-trips; Redis parses the exponent form (1E+20) with strtold as well.
        value.TryFormat(digits, out var length, "R", System.Globalization.CultureInfo.InvariantCulture);
        WriteBytes(writer, digits[..length]);
    }

    private static void WritePrefixed(IBufferWriter<byte> writer, byte prefix, long value)
    {
        var span = writer.GetSpan(24);
        span[0] = prefix;
        Utf8Formatter.TryFormat(value, span[1..], out var length);
        span[length + 1] = (byte)'\r';
        span[length + 2] = (byte)'\n';
        writer.Advance(length + 3);
    }

    private static void WriteNewLine(IBufferWriter<byte> writer)
    {
        var span = writer.GetSpan(2);
        span[0] = (byte)'\r';
        span[1] = (byte)'\n';
        writer.Advance(2);
    }
}
