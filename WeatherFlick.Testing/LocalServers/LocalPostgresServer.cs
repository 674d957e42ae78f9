using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Npgsql;

namespace WeatherFlick.Testing.LocalServers;

/// <summary>
/// A PostgreSQL server run from the installed binaries as a child process: initdb on first use, the postmaster
/// started directly (as the <c>postgres</c> user when we are root, since PostgreSQL refuses to run as root),
/// readiness checked by connecting, shutdown by SIGINT (fast shutdown).
/// </summary>
public sealed class LocalPostgresServer : IAsyncDisposable
{
    public const string InstallCommand = "sudo apt-get install -y postgresql";
    private const string ServiceUser = "postgres";

    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private LocalPostgresServer(Process process, int port, string password, string dataDirectory)
    {
        _process = process;
        Port = port;
        Password = password;
        DataDirectory = dataDirectory;
    }

    public string Host => "127.0.0.1";
    public int Port { get; }
    public string Username => ServiceUser;
    public string Password { get; }
    public string DataDirectory { get; }
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>The postmaster's exit code once it has exited.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public Task WaitForExitAsync(CancellationToken cancellationToken = default) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>Formatted as Aspire formats a PostgreSQL connection string.</summary>
    public string GetConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder
        {
            Host = Host,
            Port = Port,
            Username = Username,
            Password = Password,
            Database = database,
        }.ConnectionString;

    /// <summary>The folder holding the PostgreSQL programs (initdb, postgres), newest version first.</summary>
    public static string FindBinaries()
    {
        var versioned = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(dir => Path.Combine(dir, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "postgres")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        if (versioned is not null)
        {
            return versioned;
        }
        var initdb = NativeProcess.Which("initdb");
        if (initdb is not null && NativeProcess.Which("postgres") is not null)
        {
            return Path.GetDirectoryName(initdb)!;
        }
        throw new PrerequisiteMissingException("PostgreSQL", InstallCommand);
    }

    public static async Task<LocalPostgresServer> StartAsync(LocalPostgresOptions options, CancellationToken cancellationToken = default)
    {
        var bin = FindBinaries();
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        var password = options.Password ?? GeneratePassword();
        var port = options.Port == 0 ? NativeProcess.FreeTcpPort() : options.Port;

        Directory.CreateDirectory(dataDirectory);
        foreach (var opened in NativeProcess.GrantTraverse(dataDirectory))
        {
            (options.Output ?? (_ => { }))($"Allowed the {ServiceUser} user to pass through {opened} (it must reach its data folder).");
        }
        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await InitializeClusterAsync(bin, dataDirectory, password, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await NativeProcess.ChownAsync(ServiceUser, dataDirectory, cancellationToken).ConfigureAwait(false);
        }

        string[] arguments =
        [
            "-D", dataDirectory,
            "-p", port.ToString(CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1",
            // TCP only: a Unix socket path longer than 107 bytes (a deep data folder) would stop the server from starting.
            "-c", "unix_socket_directories=",
            "-c", "max_connections=200",
            .. options.Ephemeral
                ? (string[])["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
                : [],
        ];
        var process = Process.Start(NativeProcess.StartInfoAs(ServiceUser, Path.Combine(bin, "postgres"), arguments))
            ?? throw new InvalidOperationException("Could not start postgres.");
        var server = new LocalPostgresServer(process, port, password, dataDirectory);
        var output = options.Output ?? (_ => { });
        void Receive(string? line)
        {
            if (line is not null)
            {
                server.Remember(line);
                output(line);
            }
        }
        process.OutputDataReceived += (_, e) => Receive(e.Data);
        process.ErrorDataReceived += (_, e) => Receive(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await server.WaitUntilReadyAsync(options.StartTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return server;
    }

    public Task CreateDatabaseIfMissingAsync(string database, CancellationToken cancellationToken = default) =>
        CreateDatabaseIfMissingAsync(GetConnectionString(), database, cancellationToken);

    /// <summary>Creates <paramref name="database"/> on the server <paramref name="serverConnectionString"/> points to, unless it exists.</summary>
    public static async Task CreateDatabaseIfMissingAsync(string serverConnectionString, string database, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new() { Value = database } },
        };
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            // CREATE DATABASE takes no parameters; the name is quoted as an identifier.
            var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Fast shutdown: SIGINT, then SIGKILL after the grace period.</summary>
    public async Task StopAsync(TimeSpan? grace = null)
    {
        if (!_process.HasExited)
        {
            await NativeProcess.StopAsync(_process.Id, NativeProcess.SigInt, grace ?? TimeSpan.FromSeconds(15)).ConfigureAwait(false);
        }
        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    /// <summary>The server's last words, for the message when it fails to start.</summary>
    private void Remember(string line)
    {
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 3)
            {
                _lastLines.Dequeue();
            }
        }
    }

    private string[] LastLines()
    {
        lock (_lastLines)
        {
            return [.. _lastLines];
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Exception? last = null;
        while (clock.Elapsed < timeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"postgres exited with code {_process.ExitCode} while starting (data: {DataDirectory}): {string.Join(" | ", LastLines())}");
            }
            try
            {
                await using var connection = new NpgsqlConnection(GetConnectionString() + ";Pooling=false;Timeout=2");
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidPassword)
            {
                // Waiting cannot help: the cluster was initialised with another password than the one given now.
                throw new InvalidOperationException($"The cluster in {DataDirectory} rejects the password: it was initialised with another one. Restore that password, or delete the folder to start with an empty cluster.", e);
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                last = e;
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
        throw new TimeoutException($"postgres did not accept connections within {timeout.TotalSeconds:0} s.", last);
    }

    private static async Task InitializeClusterAsync(string bin, string dataDirectory, string password, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        var passwordFile = Path.Combine(Path.GetTempPath(), $"wf-pgpass-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken).ConfigureAwait(false);
        try
        {
            await NativeProcess.ChownAsync(ServiceUser, dataDirectory, cancellationToken).ConfigureAwait(false);
            await NativeProcess.ChownAsync(ServiceUser, passwordFile, cancellationToken).ConfigureAwait(false);
            var info = NativeProcess.StartInfoAs(ServiceUser, Path.Combine(bin, "initdb"),
            [
                "-D", dataDirectory, "-U", ServiceUser, "--pwfile", passwordFile,
                "--auth", "scram-sha-256", "-E", "UTF8", "--no-locale", "--no-instructions",
            ]);
            var (exitCode, output) = await NativeProcess.RunAsync(info, cancellationToken).ConfigureAwait(false);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"initdb failed with code {exitCode}: {output}");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    internal static string GeneratePassword() =>
        Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
