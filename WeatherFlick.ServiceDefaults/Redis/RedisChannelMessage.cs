using System.Text;

namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>One message received on a subscribed channel; the payload is binary-safe.</summary>
public sealed class RedisChannelMessage
{
    private string? _message;

    internal RedisChannelMessage(string channel, byte[] payload)
    {
        Channel = channel;
        Payload = payload;
    }

    public string Channel { get; }

    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>The payload decoded as UTF-8.</summary>
    public string Message => _message ??= Encoding.UTF8.GetString(Payload.Span);
}
