namespace WeatherFlick.AppHost.Hosting.ApplicationModel;

/// <summary>A database inside a <see cref="PostgresServerResource"/>; created when missing once the server runs.</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent)
    : Resource(name), IResourceWithParent, IResourceWithConnectionString, IResourceWithWaitSupport
{
    public string DatabaseName { get; } = databaseName;

    public PostgresServerResource Server { get; } = parent;

    public IResource Parent => Server;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Server};Database={DatabaseName}");
}
