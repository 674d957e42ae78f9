using System.Security.Cryptography;
using System.Text;

namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>
/// A Lua script run by its SHA1 (EVALSHA), so its source crosses the wire only when the server does not have it
/// cached: <see cref="RedisConnection.ScriptEvaluateAsync(RedisScript, IReadOnlyList{string}?, IReadOnlyList{object}?, CancellationToken)"/>
/// falls back to EVAL on NOSCRIPT (after a restart or SCRIPT FLUSH), which caches it again. As StackExchange.Redis's <c>LuaScript</c>.
/// Create once, keep in a static field.
/// </summary>
public sealed class RedisScript
{
    public RedisScript(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        Source = source;
        // SHA1 is how Redis names cached scripts; it is an identifier here, not a protection.
        Sha1 = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(source)));
    }

    public string Source { get; }

    /// <summary>Lower-case hex, as SCRIPT LOAD returns it.</summary>
    public string Sha1 { get; }
}
