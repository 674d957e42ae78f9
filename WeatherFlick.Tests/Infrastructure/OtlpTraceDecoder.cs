using System.Text;

namespace WeatherFlick.Tests.Infrastructure;

/// <summary>
/// Decodes an OTLP <c>ExportTraceServiceRequest</c> (protobuf) far enough to read spans, their kind and attributes,
/// written from the protobuf wire format so the test does not trust the exporter's own serializer.
/// </summary>
public static class OtlpTraceDecoder
{
    public static IReadOnlyList<OtlpSpan> Decode(ReadOnlyMemory<byte> request)
    {
        var spans = new List<OtlpSpan>();
        foreach (var resourceSpans in Fields(request).Where(f => f.Number == 1).Select(f => f.Bytes))
        {
            var service = "";
            foreach (var field in Fields(resourceSpans))
            {
                if (field.Number == 1)
                {
                    var resource = Attributes(Fields(field.Bytes).Where(f => f.Number == 1));
                    service = resource.GetValueOrDefault("service.name") as string ?? "";
                }
            }
            foreach (var scopeSpans in Fields(resourceSpans).Where(f => f.Number == 2).Select(f => f.Bytes))
            {
                var scope = Fields(scopeSpans).Where(f => f.Number == 1)
                    .SelectMany(f => Fields(f.Bytes)).Where(f => f.Number == 1).Select(f => f.Text).FirstOrDefault() ?? "";
                foreach (var span in Fields(scopeSpans).Where(f => f.Number == 2).Select(f => f.Bytes))
                {
                    var fields = Fields(span).ToList();
                    spans.Add(new OtlpSpan(
                        service,
                        scope,
                        fields.Where(f => f.Number == 5).Select(f => f.Text).FirstOrDefault() ?? "",
                        (int)fields.Where(f => f.Number == 6).Select(f => f.Varint).FirstOrDefault(),
                        Attributes(fields.Where(f => f.Number == 9))));
                }
            }
        }
        return spans;
    }

    private static Dictionary<string, object> Attributes(IEnumerable<Field> keyValues)
    {
        var result = new Dictionary<string, object>();
        foreach (var keyValue in keyValues)
        {
            var parts = Fields(keyValue.Bytes).ToList();
            var key = parts.Where(p => p.Number == 1).Select(p => p.Text).FirstOrDefault();
            var value = parts.Where(p => p.Number == 2).Select(p => p.Bytes).FirstOrDefault();
            if (key is null)
            {
                continue;
            }
            foreach (var any in Fields(value))
            {
                result[key] = any.Number switch
                {
                    1 => any.Text,
                    2 => any.Varint != 0,
                    3 => (long)any.Varint,
                    4 => BitConverter.Int64BitsToDouble((long)any.Varint),
                    _ => any.Bytes.ToArray(),
                };
            }
        }
        return result;
    }

    private readonly record struct Field(int Number, ulong Varint, ReadOnlyMemory<byte> Bytes)
    {
        public string Text => Encoding.UTF8.GetString(Bytes.Span);
    }

    private static IEnumerable<Field> Fields(ReadOnlyMemory<byte> message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var tag = ReadVarint(message.Span, ref position);
            var number = (int)(tag >> 3);
            switch ((int)(tag & 7))
            {
                case 0:
                    yield return new Field(number, ReadVarint(message.Span, ref position), default);
                    break;
                case 1:
                    yield return new Field(number, BitConverter.ToUInt64(message.Span.Slice(position, 8)), default);
                    position += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message.Span, ref position);
                    yield return new Field(number, 0, message.Slice(position, length));
                    position += length;
                    break;
                case 5:
                    yield return new Field(number, BitConverter.ToUInt32(message.Span.Slice(position, 4)), default);
                    position += 4;
                    break;
                default:
                    throw new FormatException($"Unsupported protobuf wire type {tag & 7} at byte {position}.");
            }
        }
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> bytes, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
        throw new FormatException("Malformed varint.");
    }
}
