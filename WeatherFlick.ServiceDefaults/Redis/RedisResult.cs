using System.Globalization;
using System.Text;

namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>
/// One reply from Redis, as StackExchange.Redis's <c>RedisResult</c>: a simple string, an error, an integer, a bulk
/// string (binary, possibly null) or an array (possibly null, possibly nested). Bulk strings keep their bytes;
/// text is decoded as UTF-8 only when asked for.
/// </summary>
public sealed class RedisResult
{
    private static readonly RedisResult Ok = new(RedisResultType.SimpleString, "OK");
    private static readonly RedisResult Pong = new(RedisResultType.SimpleString, "PONG");
    private static readonly RedisResult Zero = new(0);
    private static readonly RedisResult One = new(1);

    internal static readonly RedisResult NullBulkString = new(RedisResultType.BulkString, text: null);
    internal static readonly RedisResult NullArray = new(RedisResultType.Array, text: null);
    internal static readonly RedisResult EmptyArray = new(System.Array.Empty<RedisResult>());

    private readonly string? _text;
    private readonly long _integer;
    private readonly byte[]? _bytes;
    private readonly RedisResult[]? _elements;

    private RedisResult(RedisResultType type, string? text)
    {
        Type = type;
        _text = text;
    }

    private RedisResult(long integer)
    {
        Type = RedisResultType.Integer;
        _integer = integer;
    }

    private RedisResult(byte[] bytes)
    {
        Type = RedisResultType.BulkString;
        _bytes = bytes;
    }

    private RedisResult(RedisResult[] elements)
    {
        Type = RedisResultType.Array;
        _elements = elements;
    }

    public RedisResultType Type { get; }

    /// <summary>A null bulk string (<c>$-1</c>, e.g. GET of a missing key) or a null array (<c>*-1</c>).</summary>
    public bool IsNull => Type switch
    {
        RedisResultType.BulkString => _bytes is null,
        RedisResultType.Array => _elements is null,
        _ => false,
    };

    /// <summary>The server's error text (e.g. <c>WRONGTYPE Operation against a key …</c>) when <see cref="Type"/> is <see cref="RedisResultType.Error"/>.</summary>
    public string? ErrorMessage => Type == RedisResultType.Error ? _text : null;

    internal static RedisResult SimpleString(string text) => text switch
    {
        "OK" => Ok,
        "PONG" => Pong,
        _ => new RedisResult(RedisResultType.SimpleString, text),
    };

    internal static RedisResult Error(string message) => new(RedisResultType.Error, message);

    internal static RedisResult Integer(long value) => value switch
    {
        0 => Zero,
        1 => One,
        _ => new RedisResult(value),
    };

    internal static RedisResult BulkString(byte[] bytes) => new(bytes);

    internal static RedisResult Array(RedisResult[] elements) => elements.Length == 0 ? EmptyArray : new RedisResult(elements);

    /// <summary>Text of a simple or bulk string (UTF-8), an integer in invariant digits, or null for a null reply.</summary>
    public string? AsString() => Type switch
    {
        RedisResultType.SimpleString => _text,
        RedisResultType.BulkString => _bytes is null ? null : Encoding.UTF8.GetString(_bytes),
        RedisResultType.Integer => _integer.ToString(CultureInfo.InvariantCulture),
        RedisResultType.Array when _elements is null => null,
        _ => throw Unexpected("a string"),
    };

    /// <summary>The exact bytes of a bulk string (binary-safe), UTF-8 of a simple string, or null for a null reply.</summary>
    public byte[]? AsBytes() => Type switch
    {
        RedisResultType.BulkString => _bytes,
        RedisResultType.SimpleString => Encoding.UTF8.GetBytes(_text!),
        RedisResultType.Array when _elements is null => null,
        _ => throw Unexpected("bytes"),
    };

    /// <summary>An integer reply, or a simple/bulk string holding one (e.g. a counter read with GET).</summary>
    public long AsInt64() => Type switch
    {
        RedisResultType.Integer => _integer,
        RedisResultType.SimpleString or RedisResultType.BulkString when !IsNull
            && long.TryParse(AsString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw Unexpected("an integer"),
    };

    /// <summary>A floating-point reply as Redis writes it (<c>3.14</c>, <c>inf</c>, <c>-inf</c>), or an integer.</summary>
    public double AsDouble()
    {
        if (Type == RedisResultType.Integer)
        {
            return _integer;
        }
        var text = Type is RedisResultType.SimpleString or RedisResultType.BulkString ? AsString() : null;
        return text switch
        {
            "inf" or "+inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            not null when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => value,
            _ => throw Unexpected("a number"),
        };
    }

    /// <summary>True for <c>OK</c> or a non-zero integer; false for zero or a null reply.</summary>
    public bool AsBoolean() => Type switch
    {
        RedisResultType.Integer => _integer != 0,
        RedisResultType.SimpleString => _text == "OK",
        RedisResultType.BulkString or RedisResultType.Array when IsNull => false,
        _ => throw Unexpected("a boolean"),
    };

    /// <summary>The elements of an array reply, or null for a null array.</summary>
    public IReadOnlyList<RedisResult>? AsArray() => Type == RedisResultType.Array ? _elements : throw Unexpected("an array");

    public static explicit operator string?(RedisResult result) => result.AsString();

    public static explicit operator byte[]?(RedisResult result) => result.AsBytes();

    public static explicit operator long(RedisResult result) => result.AsInt64();

    public static explicit operator double(RedisResult result) => result.AsDouble();

    public static explicit operator bool(RedisResult result) => result.AsBoolean();

    /// <summary>A readable rendering for diagnostics, like redis-cli prints replies.</summary>
    public override string ToString() => Type switch
    {
        _ when IsNull => "(nil)",
        RedisResultType.Error => $"(error) {_text}",
        RedisResultType.Integer => $"(integer) {_integer.ToString(CultureInfo.InvariantCulture)}",
        RedisResultType.Array => $"(array of {_elements!.Length})",
        _ => AsString()!,
    };

    private InvalidCastException Unexpected(string wanted) =>
        new($"Redis replied with {(IsNull ? "a null " : "")}{Type} where {wanted} was expected.");
}
