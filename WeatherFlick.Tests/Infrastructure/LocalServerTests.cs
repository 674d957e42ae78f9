using Npgsql;
using WeatherFlick.Testing.LocalServers;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.Infrastructure;

public sealed class LocalServerTests
{
    [Fact]
    public async Task Postgres_server_starts_from_installed_binaries_accepts_password_and_stops_without_leftovers()
    {
        using var folder = new TemporaryDirectory("wf-pg-own");
        int pid;
        await using (var server = await LocalPostgresServer.StartAsync(new() { DataDirectory = Path.Combine(folder.Path, "data"), Ephemeral = true }))
        {
            pid = server.ProcessId;
            await server.CreateDatabaseIfMissingAsync("weatherflick");
            await server.CreateDatabaseIfMissingAsync("weatherflick"); // twice is harmless

            await using var connection = new NpgsqlConnection(server.GetConnectionString("weatherflick"));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT current_database()", connection);
            (await command.ExecuteScalarAsync()).ShouldBe("weatherflick");

            var wrong = new NpgsqlConnectionStringBuilder(server.GetConnectionString()) { Password = "wrong" }.ConnectionString;
            await Should.ThrowAsync<PostgresException>(async () =>
            {
                await using var c = new NpgsqlConnection(wrong);
                await c.OpenAsync();
            });
        }
        NativeProcess.IsAlive(pid).ShouldBeFalse("the postmaster must be gone after dispose");
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Postgres_data_inside_a_private_folder_is_still_reachable_by_the_postgres_user()
    {
        // mktemp -d makes 0700 folders: a clone there must still run (PostgreSQL runs as its own user under root).
        using var folder = new TemporaryDirectory("wf-pg-private");
        var privateFolder = Path.Combine(folder.Path, "clone");
        Directory.CreateDirectory(privateFolder);
        File.SetUnixFileMode(privateFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        await using var server = await LocalPostgresServer.StartAsync(new() { DataDirectory = Path.Combine(privateFolder, ".weatherflick", "data"), Ephemeral = true });

        await using var connection = new NpgsqlConnection(server.GetConnectionString());
        await connection.OpenAsync();
        File.GetUnixFileMode(privateFolder).HasFlag(UnixFileMode.OtherRead).ShouldBeFalse("only passing through is granted, not listing");
    }

    [Fact]
    public async Task Redis_server_requires_its_password_and_stops_without_leftovers()
    {
        int pid;
        await using (var server = await LocalRedisServer.StartAsync(new()))
        {
            pid = server.ProcessId;
            server.ConnectionString.ShouldStartWith($"127.0.0.1:{server.Port},password=");
        }
        NativeProcess.IsAlive(pid).ShouldBeFalse("redis-server must be gone after dispose");
    }
}
