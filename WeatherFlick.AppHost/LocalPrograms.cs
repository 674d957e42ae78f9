namespace WeatherFlick.AppHost;

/// <summary>Finds the installed programs the executable resources run, and says how to install a missing one.</summary>
public static class LocalPrograms
{
    /// <summary>The folder of PostgreSQL's programs (initdb, postgres), newest major version first; null when not installed.</summary>
    public static string? PostgresBinaries()
    {
        var versioned = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(dir => Path.Combine(dir, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "postgres")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        return versioned ?? (Which("postgres") is { } postgres && Which("initdb") is not null ? Path.GetDirectoryName(postgres) : null);
    }

    public static string? RedisServer() => Which("redis-server");

    public static string InstallHint(string package) =>
        $"{package} is not installed. Install it with: sudo apt-get install -y {package} (or run eng/install-prerequisites.sh)";

    public static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
