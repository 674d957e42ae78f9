namespace WeatherFlick.AppHost.Postgres;

/// <summary>
/// PostgreSQL run from the installed binaries as an executable resource (no container runtime runs here). It looks
/// like Aspire's <c>PostgresServerResource</c> to everything that references it: same connection string format.
/// </summary>
public sealed class LocalPostgresResource(string name, ParameterResource password, string dataDirectory, string? binaries)
    : ExecutableResource(name, "/bin/sh", "/"), IResourceWithConnectionString
{
    public const string PrimaryEndpointName = "tcp";
    public const string UserName = "postgres";

    private EndpointReference? _primaryEndpoint;

    public ParameterResource PasswordParameter { get; } = password;

    /// <summary>The cluster folder; initdb creates it on first start.</summary>
    public string DataDirectory { get; } = dataDirectory;

    /// <summary>The <see cref="FastShutdown"/> wrapper the server runs under, beside the cluster folder.</summary>
    public string ShutdownScript => DataDirectory + ".fast-shutdown.sh";

    /// <summary>The folder of initdb and postgres; null when PostgreSQL is not installed.</summary>
    public string? Binaries { get; } = binaries;

    public EndpointReference PrimaryEndpoint => _primaryEndpoint ??= new(this, PrimaryEndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName};Password={PasswordParameter}");

    /// <summary>The databases to create once the server is ready.</summary>
    internal List<LocalPostgresDatabaseResource> Databases { get; } = [];
}
