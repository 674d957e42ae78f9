using System.Security.Cryptography;
using System.Text;

namespace WeatherFlick.Jobs.Collection.Gateway;

/// <summary>
/// A service key. Only its fingerprint (first 8 hex characters of its SHA-256) is ever shown: <see cref="ToString"/>
/// returns it, so a key interpolated into a log or an exception by mistake still leaks nothing.
/// </summary>
public sealed class ApiKey
{
    private readonly string _secret;

    /// <param name="configured">
    /// The key as configured: either data.go.kr's "Decoding" form (raw, with + / =) or its "Encoding" form
    /// (percent-encoded). Both are accepted; the key is sent percent-encoded exactly once either way.
    /// </param>
    public ApiKey(string configured)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configured);
        var trimmed = configured.Trim();
        _secret = trimmed.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(trimmed) : trimmed;
        Fingerprint = FingerprintOf(_secret);
    }

    public string Fingerprint { get; }

    /// <summary>The value for the <c>serviceKey</c> query parameter, encoded once.</summary>
    internal string QueryValue => Uri.EscapeDataString(_secret);


    /// <summary><paramref name="text"/> with every spelling of this key replaced by its fingerprint.</summary>
    internal string RedactIn(string text) =>
        text.Replace(_secret, Fingerprint, StringComparison.Ordinal).Replace(QueryValue, Fingerprint, StringComparison.OrdinalIgnoreCase);

    public static string FingerprintOf(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..8];

    public override string ToString() => Fingerprint;
}
