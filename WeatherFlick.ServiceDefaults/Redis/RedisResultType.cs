namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>The RESP2 reply kinds.</summary>
public enum RedisResultType
{
    SimpleString,
    Error,
    Integer,
    BulkString,
    Array,
}
