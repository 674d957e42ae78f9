namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>A command ready to be written: its name (also the span and metric operation name) and its arguments.</summary>
internal sealed class RedisRequest(string command, params RedisArgument[] arguments)
{
    public string Command { get; } = command;

    public RedisArgument[] Arguments { get; } = arguments;
}
