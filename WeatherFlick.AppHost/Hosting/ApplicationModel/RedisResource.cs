namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>A Redis server; in run mode the installed <c>redis-server</c> run as a child process.</summary>
public sealed class RedisResource(string name, ParameterResource password) : ContainerResource(name, "/bin/sh"), IResourceWithConnectionString
{
    public const string PrimaryEndpointName = "tcp";

    public ParameterResource PasswordParameter { get; } = password;

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    /// <summary>Formatted as Aspire formats it: <c>host:port,password=…</c>.</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)},password={PasswordParameter}");
}
