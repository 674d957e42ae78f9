namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>A PostgreSQL server; in run mode the installed PostgreSQL run as a child process.</summary>
public sealed class PostgresServerResource(string name, ParameterResource password) : ContainerResource(name), IResourceWithConnectionString
{
    public const string PrimaryEndpointName = "tcp";
    public const string UserName = "postgres";

    public ParameterResource PasswordParameter { get; } = password;

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    /// <summary>Resource name → database name.</summary>
    public IDictionary<string, string> Databases { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Formatted as Aspire formats it: <c>Host=…;Port=…;Username=postgres;Password=…</c>.</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName};Password={PasswordParameter}");
}
