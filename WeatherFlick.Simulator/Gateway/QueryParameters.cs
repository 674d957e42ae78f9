namespace WeatherFlick.Simulator.Gateway;

/// <summary>
/// The query string exactly as sent, decoded once (with <c>+</c> read as a space, as a form-encoded query is), in the
/// order the caller wrote it. Decoding exactly once is what makes a double-encoded (<c>%252B</c>) or unencoded
/// (<c>+</c>) service key fail the way it fails at data.go.kr.
/// </summary>
internal sealed class QueryParameters
{
    private readonly List<KeyValuePair<string, string>> _pairs;

    private QueryParameters(List<KeyValuePair<string, string>> pairs) => _pairs = pairs;

    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    public static QueryParameters Parse(string? rawQuery)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var query = (rawQuery ?? "").AsSpan().TrimStart('?');
        foreach (var range in query.Split('&'))
        {
            var part = query[range];
            if (part.IsEmpty)
            {
                continue;
            }
            var equals = part.IndexOf('=');
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? [] : part[(equals + 1)..];
            pairs.Add(new(Decode(name), Decode(value)));
        }
        return new QueryParameters(pairs);
    }

    private static string Decode(ReadOnlySpan<char> text) => Uri.UnescapeDataString(text.ToString().Replace('+', ' '));

    /// <summary>The first value of a parameter, or null when it is absent or empty (callers send empty values for "unset").</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var pair in _pairs)
            {
                if (pair.Key == name)
                {
                    return pair.Value.Length == 0 ? null : pair.Value;
                }
            }
            return null;
        }
    }

    public bool Has(string name) => this[name] is not null;
}
