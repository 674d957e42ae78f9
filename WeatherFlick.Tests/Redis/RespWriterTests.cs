using System.Buffers;
using System.Text;
using WeatherFlick.ServiceDefaults.Redis;

namespace WeatherFlick.Tests.Redis;

public sealed class RespWriterTests
{
    [Fact]
    public void Command_is_written_as_an_array_of_bulk_strings_with_utf8_byte_lengths()
    {
        var written = Write(new RedisRequest("SET", "키", new ReadOnlyMemory<byte>([0, 13, 10]), 42L, 1.5, double.NegativeInfinity));

        written.ShouldBe(
            "*6\r\n$3\r\nSET\r\n$3\r\n키\r\n$3\r\n\0\r\n\r\n$2\r\n42\r\n$3\r\n1.5\r\n$4\r\n-inf\r\n",
            "lengths count UTF-8 bytes (키 is 3), binary is copied as is, numbers are invariant text");
    }

    [Fact]
    public void Long_text_is_written_whole_through_small_buffer_chunks()
    {
        var text = string.Concat(Enumerable.Repeat("날씨-weather-", 20_000));
        var expectedLength = Encoding.UTF8.GetByteCount(text);

        var written = Write(new RedisRequest("SET", "k", text));

        written.ShouldBe($"*3\r\n$3\r\nSET\r\n$1\r\nk\r\n${expectedLength}\r\n{text}\r\n", "a value larger than one buffer is streamed intact");
    }

    private static string Write(RedisRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>(16);
        RespWriter.WriteCommand(buffer, request);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
