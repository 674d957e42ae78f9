using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace WeatherFlick.Testing.LocalServers;

/// <summary>A Redis server run from the installed <c>redis-server</c> as a child process, on loopback, with a password.</summary>
public sealed class LocalRedisServer : IAsyncDisposable
{
    public const string InstallCommand = "sudo apt-get install -y redis-server";

    private readonly LocalRedisOptions _options;
    private Process _process;

    private LocalRedisServer(Process process, int port, string password, LocalRedisOptions options)
    {
        _process = process;
        Port = port;
        Password = password;
        _options = options;
    }

    public string Host => "127.0.0.1";
    public int Port { get; }
    public string Password { get; }
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public Task WaitForExitAsync(CancellationToken cancellationToken = default) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>Formatted as Aspire formats a Redis connection string: <c>host:port,password=…</c>.</summary>
    public string ConnectionString => Password.Length == 0 ? $"{Host}:{Port}" : $"{Host}:{Port},password={Password}";

    public static string FindServer() =>
        NativeProcess.Which("redis-server")
        ?? (File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : null)
        ?? throw new PrerequisiteMissingException("Redis", InstallCommand);

    public static async Task<LocalRedisServer> StartAsync(LocalRedisOptions options, CancellationToken cancellationToken = default)
    {
        var port = options.Port == 0 ? NativeProcess.FreeTcpPort() : options.Port;
        var password = options.Password ?? LocalPostgresServer.GeneratePassword();
        var server = new LocalRedisServer(Launch(options, port, password), port, password, options);
        try
        {
            await server.WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return server;
    }

    /// <summary>Stops and starts the server again on the same port and password (used to test reconnects).</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync().ConfigureAwait(false);
        _process.Dispose();
        _process = Launch(_options, Port, Password);
        await WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync(TimeSpan? grace = null)
    {
        if (!_process.HasExited)
        {
            await NativeProcess.StopAsync(_process.Id, NativeProcess.SigTerm, grace ?? TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    private static Process Launch(LocalRedisOptions options, int port, string password)
    {
        var persistence = options.DataDirectory is null
            ? (string[])["--save", "", "--appendonly", "no"]
            : ["--dir", Directory.CreateDirectory(options.DataDirectory).FullName, "--appendonly", "yes", "--save", ""];
        string[] arguments =
        [
            // "-" reads the configuration from stdin: the password goes there, not on a command line every local user can read.
            "-",
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--daemonize", "no",
            "--protected-mode", "no",
            .. persistence,
        ];
        var info = NativeProcess.StartInfoAs(null, FindServer(), arguments);
        info.RedirectStandardInput = true;
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start redis-server.");
        if (password.Length > 0)
        {
            var quoted = password.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
            process.StandardInput.Write($"requirepass \"{quoted}\"\n");
        }
        process.StandardInput.Close();
        var output = options.Output ?? (_ => { });
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < _options.StartTimeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode} while starting.");
            }
            if (await PingAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
        throw new TimeoutException($"redis-server did not answer PING within {_options.StartTimeout.TotalSeconds:0} s.");
    }

    /// <summary>True when the server answers PING after AUTH.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(Host, Port, cancellationToken).ConfigureAwait(false);
            var stream = client.GetStream();
            var command = Password.Length == 0 ? "PING\r\n" : $"AUTH {Password}\r\nPING\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(command), cancellationToken).ConfigureAwait(false);
            var buffer = new byte[256];
            var received = new StringBuilder();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            while (!received.ToString().Contains("PONG", StringComparison.Ordinal))
            {
                var n = await stream.ReadAsync(buffer, timeout.Token).ConfigureAwait(false);
                if (n == 0)
                {
                    return false;
                }
                received.Append(Encoding.ASCII.GetString(buffer, 0, n));
                if (received.ToString().StartsWith('-'))
                {
                    return false;
                }
            }
            return true;
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
