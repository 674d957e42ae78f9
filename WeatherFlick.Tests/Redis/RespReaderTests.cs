using System.Buffers;
using System.Text;
using WeatherFlick.ServiceDefaults.Redis;

namespace WeatherFlick.Tests.Redis;

public sealed class RespReaderTests
{
    [Fact]
    public void Simple_string_error_and_integers_are_parsed()
    {
        var replies = ReadAll("+OK\r\n-WRONGTYPE Operation against a key\r\n:-42\r\n:9223372036854775807\r\n"u8.ToArray());

        replies.Count.ShouldBe(4, "four replies were in the buffer");
        replies[0].Type.ShouldBe(RedisResultType.SimpleString);
        replies[0].AsString().ShouldBe("OK");
        replies[1].Type.ShouldBe(RedisResultType.Error);
        replies[1].ErrorMessage.ShouldBe("WRONGTYPE Operation against a key");
        replies[2].AsInt64().ShouldBe(-42L, "negative integers keep their sign");
        replies[3].AsInt64().ShouldBe(long.MaxValue, "the full 64-bit range is read");
    }

    [Fact]
    public void Null_bulk_string_null_array_and_empty_array_are_told_apart()
    {
        var replies = ReadAll("$-1\r\n*-1\r\n*0\r\n$0\r\n\r\n"u8.ToArray());

        replies[0].ShouldSatisfyAllConditions(
            r => r.Type.ShouldBe(RedisResultType.BulkString),
            r => r.IsNull.ShouldBeTrue("$-1 is a null bulk string"),
            r => r.AsString().ShouldBeNull("a null bulk string reads as null"));
        replies[1].ShouldSatisfyAllConditions(
            r => r.Type.ShouldBe(RedisResultType.Array),
            r => r.IsNull.ShouldBeTrue("*-1 is a null array"),
            r => r.AsArray().ShouldBeNull("a null array has no elements"));
        replies[2].ShouldSatisfyAllConditions(
            r => r.IsNull.ShouldBeFalse("*0 is an empty array, not a null one"),
            r => r.AsArray()!.Count.ShouldBe(0, "an empty array has no elements"));
        replies[3].ShouldSatisfyAllConditions(
            r => r.IsNull.ShouldBeFalse("$0 is an empty string, not null"),
            r => r.AsString().ShouldBe("", "an empty bulk string reads as empty"));
    }

    [Fact]
    public void Nested_arrays_keep_their_structure_and_mixed_element_types()
    {
        var reply = ReadAll("*3\r\n:1\r\n*2\r\n$3\r\nfoo\r\n*1\r\n$-1\r\n*0\r\n"u8.ToArray()).Single();

        var outer = reply.AsArray()!;
        outer.Count.ShouldBe(3, "the outer array has three elements");
        outer[0].AsInt64().ShouldBe(1L);
        var middle = outer[1].AsArray()!;
        middle[0].AsString().ShouldBe("foo");
        middle[1].AsArray()!.Single().IsNull.ShouldBeTrue("the innermost element is a null bulk string");
        outer[2].AsArray()!.Count.ShouldBe(0, "the last element is an empty array");
    }

    [Fact]
    public void Binary_bulk_string_with_CRLF_and_zero_bytes_inside_is_read_exactly()
    {
        byte[] value = [0, 13, 10, 255, (byte)'$', (byte)'*', 13, 10, 13, 10, 0];
        var frame = Encoding.ASCII.GetBytes($"${value.Length}\r\n").Concat(value).Concat("\r\n"u8.ToArray()).ToArray();

        var reply = ReadAll(frame).Single();

        reply.AsBytes().ShouldBe(value, "the length prefix, not CRLF, delimits a bulk string");
    }

    [Fact]
    public void One_megabyte_value_arriving_in_small_pieces_is_read_once_complete()
    {
        var value = new byte[1024 * 1024];
        new Random(7).NextBytes(value);
        var frame = Encoding.ASCII.GetBytes($"${value.Length}\r\n").Concat(value).Concat("\r\n"u8.ToArray()).ToArray();
        var reader = new RespReader();

        // Feed it as a pipe would: the same start, more bytes each time.
        RedisResult? reply = null;
        for (var available = 4096; reply is null; available = Math.Min(frame.Length, available + 4096))
        {
            var buffer = Segmented(frame.AsMemory(0, available), 4096);
            var complete = reader.TryRead(ref buffer, out reply);
            complete.ShouldBe(available == frame.Length, $"the reply is complete only with all {frame.Length} bytes, not {available}");
        }

        reply.AsBytes().ShouldBe(value, "1 MB read back byte for byte");
    }

    [Fact]
    public void Reply_split_at_every_possible_byte_is_read_identically()
    {
        var frame = "*4\r\n+OK\r\n:12\r\n$5\r\nab\r\nc\r\n*2\r\n$-1\r\n-ERR x\r\n"u8.ToArray();

        for (var split = 1; split < frame.Length; split++)
        {
            var reader = new RespReader();
            var first = Segmented(frame.AsMemory(0, split), 3);
            reader.TryRead(ref first, out _).ShouldBeFalse($"{split} of {frame.Length} bytes are not a whole reply");
            var whole = Segmented(frame, split);
            reader.TryRead(ref whole, out var reply).ShouldBeTrue($"the whole reply must read after a split at {split}");
            whole.Length.ShouldBe(0L, "the reply was consumed exactly");
            var elements = reply!.AsArray()!;
            elements[2].AsString().ShouldBe("ab\r\nc", $"the bulk string survives a split at {split}");
            elements[3].AsArray()![1].ErrorMessage.ShouldBe("ERR x", $"the nested error survives a split at {split}");
        }
    }

    [Fact]
    public void Bytes_that_are_not_RESP_are_a_protocol_error()
    {
        foreach (var garbage in (string[])["?what\r\n", "$-2\r\n", ":12a\r\n", "$3\r\nabcXY"])
        {
            var buffer = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(garbage));
            Should.Throw<RedisProtocolException>(() => new RespReader().TryRead(ref buffer, out _),
                $"'{garbage.ReplaceLineEndings("\\n")}' is not RESP2 and must not be read as a reply");
        }
    }

    [Fact]
    public void Line_without_end_longer_than_the_limit_is_a_protocol_error_instead_of_buffering_forever()
    {
        var endless = new byte[RespReader.MaxLineLength + 10];
        endless.AsSpan().Fill((byte)'a');
        endless[0] = (byte)'+';
        var buffer = new ReadOnlySequence<byte>(endless);

        Should.Throw<RedisProtocolException>(() => new RespReader().TryRead(ref buffer, out _), "a line with no CRLF in 64 KB is garbage");
    }

    private static List<RedisResult> ReadAll(byte[] bytes)
    {
        var reader = new RespReader();
        var buffer = Segmented(bytes, 5);
        var replies = new List<RedisResult>();
        while (reader.TryRead(ref buffer, out var reply))
        {
            replies.Add(reply!);
        }
        buffer.Length.ShouldBe(0L, "every byte belongs to a reply");
        return replies;
    }

    /// <summary>The bytes as a sequence of segments of <paramref name="size"/>, as a pipe hands them over.</summary>
    private static ReadOnlySequence<byte> Segmented(ReadOnlyMemory<byte> bytes, int size)
    {
        if (bytes.Length <= size)
        {
            return new ReadOnlySequence<byte>(bytes);
        }
        var first = new Segment(bytes[..size], 0);
        var last = first;
        for (var offset = size; offset < bytes.Length; offset += size)
        {
            last = last.Append(bytes[offset..Math.Min(bytes.Length, offset + size)]);
        }
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
