namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>Redis refused the credentials (WRONGPASS), or requires a password the connection string does not have (NOAUTH).</summary>
public sealed class RedisAuthenticationException : RedisConnectionException
{
    public RedisAuthenticationException()
    {
    }

    public RedisAuthenticationException(string message)
        : base(message)
    {
    }

    public RedisAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal override RedisConnectionException ForAnotherCaller() => new RedisAuthenticationException(Message, InnerException);
}
