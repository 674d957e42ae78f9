namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>
/// Redis could not be reached, the connection was lost, or it is down and the client is waiting to reconnect.
/// The message names <c>host:port</c>, never the password.
/// </summary>
public class RedisConnectionException : RedisException
{
    public RedisConnectionException()
    {
    }

    public RedisConnectionException(string message)
        : base(message)
    {
    }

    public RedisConnectionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// A fresh exception with the same meaning, for one more caller of a shared connection attempt: rethrowing one
    /// instance from many awaiters would interleave their stack traces.
    /// </summary>
    internal virtual RedisConnectionException ForAnotherCaller() => new(Message, InnerException);
}
