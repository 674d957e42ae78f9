using System.Text.RegularExpressions;
using Npgsql;

namespace WeatherFlick.Data.Telemetry;

/// <summary>
/// Which SQL becomes a span: ours, and none of the job storage's. Hangfire.PostgreSql polls its queue, locks and
/// servers in the <c>hangfire</c> schema several times a second per worker; traced, that polling buries the spans of
/// real work (about 1,460 traces in 90 s of an idle server). Pass <see cref="Configure"/> as the data source's
/// configure callback: <c>builder.AddNpgsqlDataSource("weatherflick", configureDataSourceBuilder: DatabaseTracing.Configure)</c>.
/// </summary>
public static partial class DatabaseTracing
{
    /// <summary>The schema Hangfire.PostgreSql keeps its tables in.</summary>
    public const string JobStorageSchema = "hangfire";

    public static void Configure(NpgsqlDataSourceBuilder dataSource) =>
        dataSource.ConfigureTracing(tracing => tracing
            .ConfigureCommandFilter(command => !IsJobStorage(command.CommandText))
            // A batch is the job storage's only when all of it is: a batch of ours that touches it stays visible.
            .ConfigureBatchFilter(batch => !IsJobStorage(batch)));

    /// <summary>Whether the SQL names a table of the job storage's schema (<c>hangfire.job</c>, <c>"hangfire"."lock"</c>).</summary>
    public static bool IsJobStorage(string? sql) => !string.IsNullOrEmpty(sql) && JobStorageTable().IsMatch(sql);

    private static bool IsJobStorage(NpgsqlBatch batch)
    {
        foreach (var command in batch.BatchCommands)
        {
            if (!IsJobStorage(command.CommandText))
            {
                return false;
            }
        }
        return true;
    }

    // The schema qualifying a name, quoted or not; a column or table merely called "hangfire…" does not count.
    [GeneratedRegex($"""(?<![\w$."])"?{JobStorageSchema}"?\s*\.\s*"?\w""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JobStorageTable();
}
