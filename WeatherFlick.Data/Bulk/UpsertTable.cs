using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace WeatherFlick.Data.Bulk;

/// <summary>
/// A set-based upsert into one table: rows are streamed by binary COPY into a temporary staging table, then merged
/// by a single <c>INSERT … ON CONFLICT … DO UPDATE … WHERE … IS DISTINCT FROM …</c>, so unchanged rows are not
/// rewritten (no dead tuples, no WAL, <c>updated_at</c> keeps its meaning). Within one batch the last row of a key wins.
/// Built once per table and reused: the SQL is prepared at construction.
/// </summary>
public sealed class UpsertTable<T>
{
    private static long s_staging;

    private readonly IReadOnlyList<UpsertColumn<T>> _columns;
    private readonly IReadOnlyList<UpsertColumn<T>> _keyColumns;
    private readonly string _copyColumns;
    private readonly string _mergeSql;
    private readonly string _stagingColumns;

    public UpsertTable(string table, IReadOnlyList<string> key, IReadOnlyList<UpsertColumn<T>> columns, string? touchColumn = null)
    {
        if (key.Count == 0 || key.Any(k => columns.All(c => c.Name != k)))
        {
            throw new ArgumentException($"Every key column of {table} must be one of its columns.", nameof(key));
        }
        Table = table;
        _columns = columns;
        _keyColumns = [.. key.Select(k => columns.First(c => c.Name == k))];
        var names = columns.Select(c => Quote(c.Name)).ToList();
        _copyColumns = string.Join(", ", names);
        _stagingColumns = _copyColumns;
        var keyList = string.Join(", ", key.Select(Quote));
        var updatable = columns.Where(c => !key.Contains(c.Name)).ToList();
        var compared = updatable.Where(c => c.Compared).ToList();

        var sql = new StringBuilder();
        sql.Append(CultureInfo.InvariantCulture, $"""
            WITH merged AS (
                INSERT INTO {Quote(table)} AS t ({_copyColumns}) SELECT {_copyColumns} FROM @staging
                ON CONFLICT ({keyList})
            """);
        if (updatable.Count == 0)
        {
            sql.Append(" DO NOTHING");
        }
        else
        {
            var assignments = updatable.Select(c => $"{Quote(c.Name)} = EXCLUDED.{Quote(c.Name)}").ToList();
            if (touchColumn is not null)
            {
                assignments.Add($"{Quote(touchColumn)} = now()");
            }
            sql.Append(CultureInfo.InvariantCulture, $" DO UPDATE SET {string.Join(", ", assignments)}");
            if (compared.Count > 0)
            {
                sql.Append(CultureInfo.InvariantCulture,
                    $" WHERE ({string.Join(", ", compared.Select(c => "t." + Quote(c.Name)))}) IS DISTINCT FROM ({string.Join(", ", compared.Select(c => "EXCLUDED." + Quote(c.Name)))})");
            }
        }
        // xmax is 0 only on a freshly inserted tuple: the usual way to tell inserts from updates in one statement.
        sql.Append("""
             RETURNING (xmax = 0) AS inserted
            )
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM merged
            """);
        _mergeSql = sql.ToString();
    }

    public string Table { get; }

    /// <summary>
    /// Upserts <paramref name="rows"/> inside <paramref name="transaction"/> (the caller commits, e.g. together with
    /// a checkpoint), or inside a transaction of its own when none is given.
    /// </summary>
    public async Task<UpsertResult> UpsertAsync(NpgsqlConnection connection, IEnumerable<T> rows, NpgsqlTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        // ON CONFLICT cannot touch a row twice in one statement: the last row of a key wins, before COPY.
        var distinct = LastPerKey(rows);
        var own = transaction is null ? await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
        try
        {
            var staging = $"upsert_{Table}_{Interlocked.Increment(ref s_staging).ToString(CultureInfo.InvariantCulture)}";
            await using (var create = new NpgsqlCommand(
                $"CREATE TEMP TABLE {staging} ON COMMIT DROP AS SELECT {_stagingColumns} FROM {Quote(Table)} WITH NO DATA",
                connection, transaction ?? own))
            {
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var importer = await connection.BeginBinaryImportAsync($"COPY {staging} ({_copyColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
            await using (importer.ConfigureAwait(false))
            {
                foreach (var row in distinct)
                {
                    await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    foreach (var column in _columns)
                    {
                        await column.WriteAsync(importer, row, cancellationToken).ConfigureAwait(false);
                    }
                }
                await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }

            UpsertResult result;
            await using (var merge = new NpgsqlCommand(_mergeSql.Replace("@staging", staging, StringComparison.Ordinal), connection, transaction ?? own))
            await using (var reader = await merge.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                result = new UpsertResult(distinct.Count, reader.GetInt64(0), reader.GetInt64(1));
            }
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            return result;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private List<T> LastPerKey(IEnumerable<T> rows)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var distinct = new List<T>();
        foreach (var row in rows)
        {
            var key = _keyColumns.Count == 1 ? _keyColumns[0].KeyText(row) : string.Join('\u001f', _keyColumns.Select(c => c.KeyText(row)));
            if (index.TryGetValue(key, out var at))
            {
                distinct[at] = row;
            }
            else
            {
                index[key] = distinct.Count;
                distinct.Add(row);
            }
        }
        return distinct;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
