namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>Puts a command on a connection: at once (<see cref="RedisLink"/>) or when a batch is executed (<see cref="RedisBatch"/>).</summary>
internal interface IRedisCommandIssuer
{
    ValueTask<(RedisPhysicalConnection Connection, RedisPendingCommand Command)> IssueAsync(RedisRequest request, CancellationToken cancellationToken);
}
