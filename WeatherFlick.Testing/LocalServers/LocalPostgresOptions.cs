namespace WeatherFlick.Testing.LocalServers;

public sealed class LocalPostgresOptions
{
    /// <summary>The cluster folder; created with initdb when it holds no cluster yet.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>The superuser's password; generated when null (read <see cref="LocalPostgresServer.Password"/>).</summary>
    public string? Password { get; init; }

    /// <summary>Trades durability for speed: right for throw-away test clusters, wrong for a developer's data volume.</summary>
    public bool Ephemeral { get; init; }

    /// <summary>Each line the server writes, for a console view.</summary>
    public Action<string>? Output { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
