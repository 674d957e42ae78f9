using Npgsql;
using WeatherFlick.Testing.LocalServers;

namespace WeatherFlick.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server for a test collection: started from the installed binaries on a free port in a
/// temporary folder, removed afterwards. Each test asks for its own database.
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private readonly TemporaryDirectory _folder = new("wf-pg");
    private int _databases;

    public LocalPostgresServer Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await LocalPostgresServer.StartAsync(new LocalPostgresOptions
        {
            DataDirectory = System.IO.Path.Combine(_folder.Path, "data"),
            Ephemeral = true,
        });

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? prefix = null)
    {
        var name = $"{prefix ?? "test"}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid().ToString("N")[..8]}";
        await Server.CreateDatabaseIfMissingAsync(name);
        return Server.GetConnectionString(name);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
        _folder.Dispose();
    }
}
