namespace WeatherFlick.Testing.LocalServers;

public sealed class LocalRedisOptions
{
    /// <summary>Where Redis keeps its append-only file; null keeps nothing on disk.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>The AUTH password; generated when null. Empty means no password.</summary>
    public string? Password { get; init; }

    /// <summary>Each line the server writes, for a console view.</summary>
    public Action<string>? Output { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
