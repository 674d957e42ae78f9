namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>Base of the client's failures, as in StackExchange.Redis (whose <c>RedisTimeoutException</c> is a <see cref="TimeoutException"/> instead).</summary>
public class RedisException : Exception
{
    public RedisException()
    {
    }

    public RedisException(string message)
        : base(message)
    {
    }

    public RedisException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
