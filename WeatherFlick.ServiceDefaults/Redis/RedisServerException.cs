namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>Redis answered a command with an error reply; the message is the server's own (e.g. <c>WRONGTYPE …</c>).</summary>
public sealed class RedisServerException : RedisException
{
    public RedisServerException()
    {
    }

    public RedisServerException(string message)
        : base(message)
    {
    }

    public RedisServerException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal RedisServerException(string command, string serverMessage)
        : base(serverMessage)
    {
        Command = command;
    }

    /// <summary>The command that failed (<c>INCRBY</c>); never its arguments.</summary>
    public string? Command { get; }

    /// <summary>The error's first word, which Redis uses as its code: <c>ERR</c>, <c>WRONGTYPE</c>, <c>NOSCRIPT</c>, <c>BUSY</c>…</summary>
    public string ErrorCode
    {
        get
        {
            var space = Message.IndexOf(' ', StringComparison.Ordinal);
            return space < 0 ? Message : Message[..space];
        }
    }
}
