using System.Globalization;
using System.Net;

namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>
/// A parsed connection string in the StackExchange.Redis/Aspire format: <c>host:port,password=…,user=…</c>. Error
/// messages name an offending option but never print a value that could be (part of) the password.
/// </summary>
internal sealed class RedisConnectionSettings
{
    public const int DefaultPort = 6379;

    private static readonly string Supported =
        "password, user, ssl=false, connectTimeout, syncTimeout, asyncTimeout, commandTimeout, abortConnect=false, defaultDatabase, name";

    private static readonly HashSet<string> KnownButUnsupported = new(StringComparer.OrdinalIgnoreCase)
    {
        "allowAdmin", "channelPrefix", "checkCertificateRevocation", "connectRetry", "configChannel", "configCheckSeconds",
        "keepAlive", "proxy", "resolveDns", "serviceName", "sslHost", "sslProtocols", "tiebreaker", "version", "tunnel",
        "protocol", "setlib", "responseTimeout", "highPrioritySocketThreads", "writeBuffer",
    };

    public required string Host { get; init; }

    public int Port { get; init; } = DefaultPort;

    public string? User { get; init; }

    public string? Password { get; init; }

    public int Database { get; init; }

    public string? ClientName { get; init; }

    public TimeSpan? ConnectTimeout { get; init; }

    public TimeSpan? CommandTimeout { get; init; }

    /// <summary><c>host:port</c> (IPv6 in brackets), for messages and telemetry.</summary>
    public string EndPoint => Host.Contains(':', StringComparison.Ordinal)
        ? $"[{Host}]:{Port.ToString(CultureInfo.InvariantCulture)}"
        : $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";

    public static RedisConnectionSettings Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var entries = connectionString.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (entries.Length == 0 || entries[0].Contains('=', StringComparison.Ordinal))
        {
            throw Invalid("it must start with the server as host:port");
        }
        var (host, port) = ParseEndPoint(entries[0]);
        string? user = null, password = null, clientName = null;
        int database = 0;
        TimeSpan? connectTimeout = null, commandTimeout = null;

        for (var i = 1; i < entries.Length; i++)
        {
            var equals = entries[i].IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                // Not echoed: a stray fragment may be part of a password that contained a comma.
                throw Invalid($"entry {i + 1} is not a key=value option (this client connects to one server, given first)");
            }
            var key = entries[i][..equals].Trim();
            var value = entries[i][(equals + 1)..].Trim();
            switch (key.ToUpperInvariant())
            {
                case "PASSWORD":
                    password = value;
                    break;
                case "USER":
                    user = value.Length == 0 ? null : value;
                    break;
                case "SSL":
                    if (ParseBoolean(key, value))
                    {
                        throw Invalid("ssl=true is not supported: this client speaks plain TCP (use ssl=false, or reach Redis through a TLS tunnel)");
                    }
                    break;
                case "ABORTCONNECT":
                    if (ParseBoolean(key, value))
                    {
                        throw Invalid("abortConnect=true is not supported: this client always connects lazily, on the first command, and never fails when it is created (use abortConnect=false)");
                    }
                    break;
                case "CONNECTTIMEOUT":
                    connectTimeout = ParseMilliseconds(key, value);
                    break;
                case "SYNCTIMEOUT" or "ASYNCTIMEOUT" or "COMMANDTIMEOUT":
                    commandTimeout = ParseMilliseconds(key, value);
                    break;
                case "DEFAULTDATABASE":
                    database = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                        ? index
                        : throw Invalid($"defaultDatabase must be a database index (0, 1, …), not '{value}'");
                    break;
                case "NAME":
                    clientName = value.Length == 0 ? null : value;
                    if (clientName is not null && clientName.Any(c => c <= ' '))
                    {
                        throw Invalid("name must not contain spaces or control characters (Redis rejects such client names)");
                    }
                    break;
                default:
                    throw Invalid(KnownButUnsupported.Contains(key)
                        ? $"the option '{key}' is not supported by the WeatherFlick Redis client; supported options: {Supported}"
                        : $"unknown option '{key}'; supported options: {Supported}");
            }
        }

        return new RedisConnectionSettings
        {
            Host = host,
            Port = port,
            User = user,
            Password = string.IsNullOrEmpty(password) ? null : password,
            Database = database,
            ClientName = clientName,
            ConnectTimeout = connectTimeout,
            CommandTimeout = commandTimeout,
        };
    }

    /// <summary>The connection string with the password masked, safe for logs and dashboards.</summary>
    public override string ToString()
    {
        var parts = new List<string> { EndPoint };
        if (User is not null)
        {
            parts.Add($"user={User}");
        }
        if (Password is not null)
        {
            parts.Add("password=*****");
        }
        if (Database != 0)
        {
            parts.Add($"defaultDatabase={Database.ToString(CultureInfo.InvariantCulture)}");
        }
        if (ClientName is not null)
        {
            parts.Add($"name={ClientName}");
        }
        return string.Join(',', parts);
    }

    private static (string Host, int Port) ParseEndPoint(string text)
    {
        string host;
        string? port = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw Invalid("the server's IPv6 address lacks its closing ']'");
            }
            host = text[1..close];
            var rest = text[(close + 1)..];
            if (rest.Length > 0)
            {
                port = rest.StartsWith(':') ? rest[1..] : throw Invalid("expected ':port' after the bracketed IPv6 address");
            }
        }
        else if (text.Count(c => c == ':') > 1)
        {
            // A bare IPv6 address: StackExchange.Redis accepts it too, port 6379.
            host = IPAddress.TryParse(text, out _) ? text : throw Invalid("the server is not host:port");
        }
        else
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            host = colon < 0 ? text : text[..colon];
            port = colon < 0 ? null : text[(colon + 1)..];
        }
        if (host.Length == 0 || host.Any(c => c <= ' '))
        {
            throw Invalid("the server's host name is empty or contains spaces");
        }
        if (port is null)
        {
            return (host, DefaultPort);
        }
        return int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 65535
            ? (host, number)
            : throw Invalid($"the port '{port}' is not a number from 1 to 65535");
    }

    private static bool ParseBoolean(string key, string value) => bool.TryParse(value, out var flag)
        ? flag
        : throw Invalid($"{key} must be true or false, not '{value}'");

    private static TimeSpan ParseMilliseconds(string key, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds > 0
            ? TimeSpan.FromMilliseconds(milliseconds)
            : throw Invalid($"{key} must be a positive number of milliseconds, not '{value}'");

    private static ArgumentException Invalid(string problem) =>
        new($"Invalid Redis connection string: {problem}.", "connectionString");
}
