namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>The bytes from the server are not RESP2: the connection cannot be trusted any more and is dropped.</summary>
internal sealed class RedisProtocolException(string problem) : Exception($"Redis protocol error: {problem}.");
