using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace WeatherFlick.AppHost.Postgres;

/// <summary>The on-disk side of a local PostgreSQL: initdb on first start, ownership and reachability of the folder, databases.</summary>
internal static class PostgresCluster
{
    /// <summary>PostgreSQL refuses to run as root, and these machines run everything as root.</summary>
    public static bool RunsAsServiceUser => Environment.UserName == "root";

    /// <summary>
    /// Runs <paramref name="program"/> with <paramref name="arguments"/> as the postgres user when we are root, with
    /// SIGINT as its parent-death signal: should its parent be killed outright, PostgreSQL still shuts down fast.
    /// </summary>
    public static IEnumerable<string> AsServiceUser(string program, IEnumerable<string> arguments) =>
    [
        "setpriv",
        .. RunsAsServiceUser ? (string[])[$"--reuid={LocalPostgresResource.UserName}", $"--regid={LocalPostgresResource.UserName}", "--init-groups"] : [],
        "--pdeathsig=INT",
        "--",
        program,
        .. arguments,
    ];

    public static async Task InitializeAsync(LocalPostgresResource server, string password, ILogger console, CancellationToken cancellationToken)
    {
        if (server.Binaries is null)
        {
            throw new InvalidOperationException(LocalPrograms.InstallHint("postgresql"));
        }
        Directory.CreateDirectory(server.DataDirectory);
        if (RunsAsServiceUser)
        {
            foreach (var opened in GrantTraverse(server.DataDirectory))
            {
                console.LogInformation("Allowed the postgres user to pass through {Folder} (it must reach its data folder).", opened);
            }
        }
        if (File.Exists(Path.Combine(server.DataDirectory, "PG_VERSION")))
        {
            await ChownAsync(server.DataDirectory, cancellationToken);
            return;
        }

        console.LogInformation("Creating a PostgreSQL cluster in {Folder}.", server.DataDirectory);
        // The password reaches initdb in a file only the postgres user can read, never on a command line.
        var passwordFile = Path.Combine(Path.GetTempPath(), $"wf-pgpass-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            await ChownAsync(server.DataDirectory, cancellationToken);
            await ChownAsync(passwordFile, cancellationToken);
            var (exitCode, output) = await RunAsync(AsServiceUser(Path.Combine(server.Binaries, "initdb"),
            [
                "-D", server.DataDirectory, "-U", LocalPostgresResource.UserName, "--pwfile", passwordFile,
                "--auth", "scram-sha-256", "-E", "UTF8", "--no-locale", "--no-instructions",
            ]), cancellationToken);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"initdb failed with exit code {exitCode}: {output}");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    public static async Task CreateDatabaseIfMissingAsync(string serverConnectionString, string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new() { Value = database } },
        };
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            // CREATE DATABASE takes no parameters; the name is quoted as an identifier.
            var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Adds execute (search) permission for others to each parent folder that lacks it; returns the folders changed.</summary>
    private static List<string> GrantTraverse(string folder)
    {
        var opened = new List<string>();
        for (var dir = Path.GetDirectoryName(Path.GetFullPath(folder)); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            var mode = File.GetUnixFileMode(dir);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                File.SetUnixFileMode(dir, mode | UnixFileMode.OtherExecute);
                opened.Add(dir);
            }
        }
        return opened;
    }

    private static async Task ChownAsync(string path, CancellationToken cancellationToken)
    {
        if (!RunsAsServiceUser)
        {
            return;
        }
        var (exitCode, output) = await RunAsync(["chown", "-R", $"{LocalPostgresResource.UserName}:{LocalPostgresResource.UserName}", path], cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"chown of {path} failed with exit code {exitCode}: {output}");
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> commandLine, CancellationToken cancellationToken)
    {
        var arguments = commandLine.ToList();
        var info = new ProcessStartInfo(arguments[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {arguments[0]}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, (await output + await errors).Trim());
    }
}
