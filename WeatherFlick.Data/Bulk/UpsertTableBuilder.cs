using NpgsqlTypes;

namespace WeatherFlick.Data.Bulk;

/// <summary>Declares an <see cref="UpsertTable{T}"/> column by column: <c>UpsertTableBuilder&lt;Row&gt;.For("t").Key("id").Column(…).Build()</c>.</summary>
public sealed class UpsertTableBuilder<T>
{
    private readonly string _table;
    private readonly List<string> _key = [];
    private readonly List<UpsertColumn<T>> _columns = [];
    private string? _touch;

    private UpsertTableBuilder(string table) => _table = table;

    public static UpsertTableBuilder<T> For(string table) => new(table);

    public UpsertTableBuilder<T> Key<TValue>(string name, NpgsqlDbType type, Func<T, TValue> read)
    {
        _key.Add(name);
        return Column(name, type, read);
    }

    public UpsertTableBuilder<T> Column<TValue>(string name, NpgsqlDbType type, Func<T, TValue> read)
    {
        _columns.Add(new TypedUpsertColumn<T, TValue>(name, type, read, compared: true));
        return this;
    }

    /// <summary>Written with every change but never a change by itself (provenance such as the raw response id).</summary>
    public UpsertTableBuilder<T> Bookkeeping<TValue>(string name, NpgsqlDbType type, Func<T, TValue> read)
    {
        _columns.Add(new TypedUpsertColumn<T, TValue>(name, type, read, compared: false));
        return this;
    }

    /// <summary>A timestamp column set to <c>now()</c> when a row really changes.</summary>
    public UpsertTableBuilder<T> TouchOnChange(string name)
    {
        _touch = name;
        return this;
    }

    public UpsertTable<T> Build() => new(_table, _key, _columns, _touch);
}
