using System.Text;

namespace WeatherFlick.Simulator.Responses;

internal static class Utf8Text
{
    public static void Write(PooledBufferWriter output, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
