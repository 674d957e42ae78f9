using System.Globalization;

namespace WeatherFlick.ServiceDefaults.Redis;

/// <summary>One argument of a command, kept in its own form until it is written (no intermediate strings or copies).</summary>
internal readonly struct RedisArgument
{
    private readonly string? _text;
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly long _integer;
    private readonly double _double;

    private RedisArgument(RedisArgumentKind kind, string? text = null, ReadOnlyMemory<byte> bytes = default, long integer = 0, double number = 0)
    {
        Kind = kind;
        _text = text;
        _bytes = bytes;
        _integer = integer;
        _double = number;
    }

    public RedisArgumentKind Kind { get; }

    public string Text => _text!;

    public ReadOnlyMemory<byte> Bytes => _bytes;

    public long Integer => _integer;

    public double Double => _double;

    public static implicit operator RedisArgument(string text) => new(RedisArgumentKind.Text, text: text);

    public static implicit operator RedisArgument(ReadOnlyMemory<byte> bytes) => new(RedisArgumentKind.Bytes, bytes: bytes);

    public static implicit operator RedisArgument(long integer) => new(RedisArgumentKind.Integer, integer: integer);

    public static implicit operator RedisArgument(double number) => double.IsNaN(number)
        ? throw new ArgumentOutOfRangeException(nameof(number), "Redis has no representation for NaN.")
        : new(RedisArgumentKind.Double, number: number);

    /// <summary>Converts an argument of <c>ExecuteAsync</c>; the same types StackExchange.Redis accepts there.</summary>
    public static RedisArgument FromObject(object? value, int position) => value switch
    {
        string text => text,
        byte[] bytes => new ReadOnlyMemory<byte>(bytes),
        ReadOnlyMemory<byte> memory => memory,
        Memory<byte> memory => (ReadOnlyMemory<byte>)memory,
        int or long or short or sbyte or byte or ushort or uint => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        double number => number,
        float number => (double)number,
        bool flag => flag ? 1L : 0L,
        CancellationToken => throw new ArgumentException(
            $"Argument {position} is a CancellationToken: pass it through ExecuteAsync(command, args, cancellationToken), not as a command argument.",
            nameof(value)),
        null => throw new ArgumentNullException(nameof(value), $"Argument {position} is null; Redis arguments cannot be null."),
        _ => throw new ArgumentException(
            $"Argument {position} is a {value.GetType().Name}; use a string, byte[], ReadOnlyMemory<byte> or a number.", nameof(value)),
    };
}
