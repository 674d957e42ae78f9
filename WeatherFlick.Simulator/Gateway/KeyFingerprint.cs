using System.Security.Cryptography;
using System.Text;

namespace WeatherFlick.Simulator.Gateway;

/// <summary>The only way a key is ever shown: the first 8 lowercase hex characters of its SHA-256.</summary>
public static class KeyFingerprint
{
    public static string Of(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return Convert.ToHexStringLower(hash[..4]);
    }
}
