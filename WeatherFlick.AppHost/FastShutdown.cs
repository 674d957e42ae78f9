namespace WeatherFlick.AppHost;

/// <summary>
/// A <c>sh</c> wrapper that turns DCP's SIGTERM into SIGINT for the program it runs. DCP stops an executable with
/// SIGTERM and kills it about 6 s later; PostgreSQL takes SIGTERM as a "smart" shutdown that waits for every client
/// to leave, so it would be killed under its clients and recover on the next start. SIGINT is its "fast" shutdown.
/// </summary>
public static class FastShutdown
{
    public const string Shell = "/bin/sh";

    private const string Script = """
        trap 'kill -INT "$child" 2>/dev/null' TERM INT
        "$@" &
        child=$!
        while :; do wait "$child"; status=$?; kill -0 "$child" 2>/dev/null || break; done
        exit "$status"
        """;

    /// <summary>
    /// The arguments of <see cref="Shell"/> that run <paramref name="commandLine"/> under the wrapper kept at
    /// <paramref name="scriptPath"/> (a file, so that the dashboard's Source column reads as the command it runs).
    /// </summary>
    public static IEnumerable<object> Arguments(string scriptPath, IEnumerable<object> commandLine) => [scriptPath, .. commandLine];

    public static Task WriteScriptAsync(string scriptPath, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(scriptPath)!);
        return File.WriteAllTextAsync(scriptPath, $"# Written by the AppHost at every start: SIGTERM becomes SIGINT for the program it runs.\n{Script}\n", cancellationToken);
    }
}
