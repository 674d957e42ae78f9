namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>
/// No reply within the command timeout. A <see cref="TimeoutException"/>, as in StackExchange.Redis. The command may
/// still have run on the server: it was sent, only its reply did not come back in time.
/// </summary>
public sealed class RedisTimeoutException : TimeoutException
{
    public RedisTimeoutException()
    {
    }

    public RedisTimeoutException(string message)
        : base(message)
    {
    }

    public RedisTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
