using Npgsql;
using NpgsqlTypes;

namespace WeatherFlick.Data.Bulk;

/// <summary>One column of an <see cref="UpsertTable{T}"/>: its name, PostgreSQL type and how to read it from a row.</summary>
public abstract class UpsertColumn<T>
{
    private protected UpsertColumn(string name, NpgsqlDbType type, bool compared)
    {
        Name = name;
        Type = type;
        Compared = compared;
    }

    public string Name { get; }
    public NpgsqlDbType Type { get; }

    /// <summary>False for bookkeeping (e.g. the raw response id): written with a change, but no change by itself.</summary>
    public bool Compared { get; }

    /// <summary>The value as invariant text, to tell rows with the same key apart.</summary>
    internal abstract string KeyText(T row);

    internal abstract Task WriteAsync(NpgsqlBinaryImporter importer, T row, CancellationToken cancellationToken);
}
