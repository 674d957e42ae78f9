using System.Collections.Concurrent;
using Npgsql;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.Housekeeping;

[Collection(PlatformCollection.Name)]
public sealed class RawExpiryTests(PostgresServerFixture postgres, RedisServerFixture redis)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 3, 30, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task Raw_expiry_deletes_exactly_the_expired_rows_in_several_batches_and_reports_each()
    {
        await using var host = await DatabaseJobHost.StartAsync(postgres, redis, Now, new Dictionary<string, string> { ["Housekeeping:RawExpiry:BatchSize"] = "300" });
        await SeedRawAsync(host, "kto", 1000, Now.AddDays(-3), TimeSpan.FromMinutes(1));
        // Expiring exactly now counts as expired.
        await SeedRawAsync(host, "kma", 700, Now, TimeSpan.Zero);
        await SeedRawAsync(host, "kto", 800, Now.AddSeconds(1), TimeSpan.FromMinutes(10));
        var kept = await IdsAsync(host, "SELECT id FROM raw_responses WHERE expires_at > $1 ORDER BY id");
        var progress = new ProgressLog();

        var result = await host.Jobs.Jobs.Find("raw-expiry")!.RunAsync(new JobContext("test", progress), CancellationToken.None);

        result.Status.ShouldBe(JobResult.Succeeded, result.Error);
        result.Counts["expired"].ShouldBe(1700);
        result.Counts["deleted"].ShouldBe(1700, "every expired row and nothing else");
        result.Counts["batches"].ShouldBe(6, "1,700 rows at 300 a batch: five full batches and one of 200");
        (await IdsAsync(host, "SELECT id FROM raw_responses ORDER BY id")).ShouldBe(kept, "exactly the rows not yet expired remain");
        var reports = progress.Reports.Where(p => p.PagesDone > 0).ToList();
        reports.Select(p => p.PagesDone).ShouldBe([1, 2, 3, 4, 5, 6, 6], "progress after each batch, then the end");
        reports.Select(p => p.Items).ShouldBe([300, 600, 900, 1200, 1500, 1700, 1700], "rows deleted so far");
        reports.ShouldAllBe(p => p.PagesExpected == 6, "batches expected, from the expired count");
        (await host.Seed.ScalarAsync<string>("SELECT status FROM collection_runs WHERE job = 'raw-expiry'")).ShouldBe("succeeded");
    }

    [Fact]
    public async Task Raw_expiry_skips_a_row_another_transaction_holds_instead_of_waiting_for_it()
    {
        await using var host = await DatabaseJobHost.StartAsync(postgres, redis, Now, new Dictionary<string, string> { ["Housekeeping:RawExpiry:BatchSize"] = "20" });
        await SeedRawAsync(host, "kma", 50, Now.AddHours(-1), TimeSpan.FromSeconds(1));
        var held = (await IdsAsync(host, "SELECT id FROM raw_responses ORDER BY expires_at LIMIT 1"))[0];
        await using var other = await host.Seed.DataSource.OpenConnectionAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("SELECT id FROM raw_responses WHERE id = $1 FOR UPDATE", other, transaction))
        {
            hold.Parameters.Add(new() { Value = held });
            await hold.ExecuteNonQueryAsync();
        }
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var busy = await host.Jobs.Jobs.Find("raw-expiry")!.RunAsync(JobContext.Silent("test"), patience.Token);

        busy.Counts["deleted"].ShouldBe(49, "every expired row but the one another session holds, without waiting for it");
        (await IdsAsync(host, "SELECT id FROM raw_responses")).ShouldBe([held]);
        await transaction.CommitAsync();

        var later = await host.Jobs.RunAsync("raw-expiry");

        later.Counts["deleted"].ShouldBe(1, "the next run takes the row once it is free");
    }

    private static Task SeedRawAsync(DatabaseJobHost host, string provider, int count, DateTimeOffset firstExpiry, TimeSpan step) =>
        host.Seed.ExecuteAsync("""
            INSERT INTO raw_responses (provider, operation, request, key_fingerprint, http_status, outcome, duration_ms, size_bytes, body, fetched_at, expires_at)
            SELECT $1, 'op', '/op?serviceKey=REDACTED&pageNo=' || i, '0a1b2c3d', 200, 'data', 12, 4, '\x0b018000'::bytea, $2::timestamptz - interval '1 day',
                   $2::timestamptz + $3::interval * (i - 1)
            FROM generate_series(1, $4) AS i
            """, provider, firstExpiry, step, count);

    private static async Task<List<long>> IdsAsync(DatabaseJobHost host, string sql)
    {
        await using var command = host.Seed.DataSource.CreateCommand(sql);
        if (sql.Contains("$1", StringComparison.Ordinal))
        {
            command.Parameters.Add(new() { Value = Now.ToUniversalTime() });
        }
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }
        return ids;
    }

    /// <summary>Keeps every progress report as it is made (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
    private sealed class ProgressLog : IProgress<JobProgress>
    {
        private readonly ConcurrentQueue<JobProgress> _reports = new();

        public IReadOnlyCollection<JobProgress> Reports => _reports;

        public void Report(JobProgress value) => _reports.Enqueue(value);
    }
}
