using Npgsql;
using NpgsqlTypes;

namespace WeatherFlick.Data.Bulk;

/// <summary>A column read through a typed accessor, so binary COPY writes values without boxing them.</summary>
internal sealed class TypedUpsertColumn<T, TValue>(string name, NpgsqlDbType type, Func<T, TValue> read, bool compared)
    : UpsertColumn<T>(name, type, compared)
{
    internal override string KeyText(T row) => Convert.ToString(read(row), System.Globalization.CultureInfo.InvariantCulture) ?? "";

    internal override Task WriteAsync(NpgsqlBinaryImporter importer, T row, CancellationToken cancellationToken)
    {
        var value = read(row);
        return value is null
            ? importer.WriteNullAsync(cancellationToken)
            : importer.WriteAsync(value, Type, cancellationToken);
    }
}
