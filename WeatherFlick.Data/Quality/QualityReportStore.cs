using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace WeatherFlick.Data.Quality;

/// <summary><c>quality_reports</c>: one row per table per check, findings as JSON (rule → {count, examples}).</summary>
public sealed class QualityReportStore(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Saves one check's reports together, all stamped <paramref name="checkedAt"/>; returns them with their ids.</summary>
    public async Task<IReadOnlyList<QualityReport>> SaveAsync(IReadOnlyList<QualityReport> reports, DateTimeOffset checkedAt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var saved = new List<QualityReport>(reports.Count);
        foreach (var report in reports)
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO quality_reports (table_name, score, rows_checked, findings, checked_at) VALUES ($1, $2, $3, $4, $5) RETURNING id
                """, connection, transaction);
            insert.Parameters.Add(new() { Value = report.TableName });
            insert.Parameters.Add(new() { Value = report.Score });
            insert.Parameters.Add(new() { Value = report.RowsChecked });
            insert.Parameters.Add(new() { Value = JsonSerializer.Serialize(report.Findings, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
            insert.Parameters.Add(new() { Value = checkedAt });
            var id = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            saved.Add(report with { Id = id, CheckedAt = checkedAt });
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return saved;
    }

    /// <summary>The latest report of every table.</summary>
    public async Task<IReadOnlyList<QualityReport>> LatestAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT DISTINCT ON (table_name) id, table_name, score, rows_checked, findings::text, checked_at
            FROM quality_reports ORDER BY table_name, checked_at DESC, id DESC
            """);
        var reports = new List<QualityReport>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var findings = JsonSerializer.Deserialize<Dictionary<string, QualityFinding>>(reader.GetString(4), Json) ?? [];
            reports.Add(new QualityReport(reader.GetString(1), reader.GetDecimal(2), reader.GetInt64(3), findings)
            {
                Id = reader.GetInt64(0),
                CheckedAt = reader.GetFieldValue<DateTimeOffset>(5),
            });
        }
        return reports;
    }
}
