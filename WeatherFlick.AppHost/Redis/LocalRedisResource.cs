namespace WeatherFlick.AppHost.Redis;

/// <summary>
/// Redis run from the installed <c>redis-server</c> as an executable resource. Its connection string is formatted
/// as Aspire's <c>RedisResource</c> formats it: <c>host:port,password=…</c>.
/// </summary>
public sealed class LocalRedisResource(string name, ParameterResource password, string dataDirectory, string? server)
    : ExecutableResource(name, server ?? "redis-server", "/"), IResourceWithConnectionString
{
    public const string PrimaryEndpointName = "tcp";

    private EndpointReference? _primaryEndpoint;

    public ParameterResource PasswordParameter { get; } = password;

    /// <summary>Where the append-only file and the generated configuration (which holds the password) live.</summary>
    public string DataDirectory { get; } = dataDirectory;

    public string ConfigurationFile => Path.Combine(DataDirectory, "redis.conf");

    public bool IsInstalled { get; } = server is not null;

    public EndpointReference PrimaryEndpoint => _primaryEndpoint ??= new(this, PrimaryEndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)},password={PasswordParameter}");
}
