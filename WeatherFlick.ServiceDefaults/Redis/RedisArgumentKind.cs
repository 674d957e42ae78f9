namespace WeatherFlick.ServiceDefaults.Redis;

internal enum RedisArgumentKind
{
    Text,
    Bytes,
    Integer,
    Double,
}
