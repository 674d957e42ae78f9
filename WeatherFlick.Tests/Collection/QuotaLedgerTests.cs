using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using WeatherFlick.Data.Migrations;
using WeatherFlick.Jobs.Collection.Gateway;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.Collection;

[Collection(PostgresCollection.Name)]
public sealed class QuotaLedgerTests(PostgresServerFixture postgres)
{
    private const string Kto = "kto";
    private const string List = "areaBasedList2";
    // 23:00 KST on 22 November.
    private static readonly DateTimeOffset LateEvening = new(2026, 11, 22, 14, 0, 0, TimeSpan.Zero);
    private static readonly ApiKey[] Keys = [new("key-one"), new("key-two"), new("key-three")];

    private string _connectionString = "";

    private async Task<NpgsqlDataSource> MigratedDatabaseAsync()
    {
        _connectionString = await postgres.CreateDatabaseAsync("ledger") + ";Maximum Pool Size=20";
        var dataSource = NpgsqlDataSource.Create(_connectionString);
        await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        return dataSource;
    }

    [Fact]
    public async Task Calls_rotate_to_the_least_used_key_and_stop_exactly_at_the_quota()
    {
        await using var db = await MigratedDatabaseAsync();
        var ledger = new QuotaLedger(db, new ManualClock(LateEvening));

        var charged = new List<string>();
        while (await ledger.TryReserveAsync(Kto, List, Keys, 4, CancellationToken.None) is { } reservation)
        {
            charged.Add(reservation.Key.Fingerprint);
        }

        charged.Count.ShouldBe(12, "3 keys × 4 calls");
        charged.Take(3).ShouldBe(Keys.Select(k => k.Fingerprint), "each call goes to the least-used key");
        charged.GroupBy(c => c).ShouldAllBe(g => g.Count() == 4);
    }

    [Fact]
    public async Task Concurrent_callers_in_separate_pools_never_overspend()
    {
        await using var db = await MigratedDatabaseAsync();
        await using var other = NpgsqlDataSource.Create(_connectionString);
        var clock = new ManualClock(LateEvening);
        QuotaLedger[] ledgers = [new(db, clock), new(other, clock)];

        var results = await Task.WhenAll(Enumerable.Range(0, 240).Select(i =>
            Task.Run(() => ledgers[i % 2].TryReserveAsync(Kto, List, Keys, 50, CancellationToken.None))));

        results.Count(r => r is not null).ShouldBe(150, "3 keys × 50 calls, however the 240 callers interleave");
        await using var total = db.CreateCommand("SELECT max(calls), sum(calls) FROM api_key_usage");
        await using var reader = await total.ExecuteReaderAsync();
        await reader.ReadAsync();
        reader.GetInt32(0).ShouldBe(50, "no key may pass its quota");
        reader.GetInt64(1).ShouldBe(150);
    }

    [Fact]
    public async Task Quota_exhausted_keys_are_usable_again_after_midnight_KST()
    {
        await using var db = await MigratedDatabaseAsync();
        var clock = new ManualClock(LateEvening);
        var ledger = new QuotaLedger(db, clock);
        foreach (var key in Keys)
        {
            await ledger.MarkExhaustedAsync(Kto, key, List, 1000, CancellationToken.None);
        }

        (await ledger.TryReserveAsync(Kto, List, Keys, 1000, CancellationToken.None)).ShouldBeNull();
        (await ledger.NextAvailableAsync(Kto, List, Keys, 1000, CancellationToken.None))
            .ShouldBe(new DateTimeOffset(2026, 11, 22, 15, 0, 0, TimeSpan.Zero), "quotas reset at 00:00 KST = 15:00 UTC");
        (await ledger.TryReserveAsync(Kto, "detailCommon2", Keys, 1000, CancellationToken.None)).ShouldNotBeNull("quotas are per operation");

        clock.Advance(TimeSpan.FromHours(1));
        var next = await ledger.TryReserveAsync(Kto, List, Keys, 1000, CancellationToken.None);

        next.ShouldNotBeNull();
        next.DayKst.ShouldBe(new DateOnly(2026, 11, 23));
        next.CallsToday.ShouldBe(1);
    }

    [Fact]
    public async Task Cooling_and_disabled_keys_are_skipped()
    {
        await using var db = await MigratedDatabaseAsync();
        var clock = new ManualClock(LateEvening);
        var ledger = new QuotaLedger(db, clock);
        await ledger.CoolAsync(Kto, Keys[0], LateEvening.AddSeconds(30), "HTTP 429", CancellationToken.None);
        await ledger.DisableAsync(Kto, Keys[1], "gateway 30 SERVICE_KEY_IS_NOT_REGISTERED_ERROR", CancellationToken.None);

        (await ledger.TryReserveAsync(Kto, List, Keys, 10, CancellationToken.None))!.Key.ShouldBe(Keys[2]);
        (await ledger.TryReserveAsync(Kto, List, Keys, 10, CancellationToken.None))!.Key.ShouldBe(Keys[2], "key one cools, key two is disabled");

        clock.Advance(TimeSpan.FromSeconds(31));
        (await ledger.TryReserveAsync(Kto, List, Keys, 10, CancellationToken.None))!.Key.ShouldBe(Keys[0], "the cool-down is over");

        await ledger.CoolAsync(Kto, Keys[1], LateEvening.AddMinutes(5), "HTTP 429", CancellationToken.None);
        var usage = await ledger.UsageAsync(Kto, Keys, [List], 10, CancellationToken.None);
        usage.Single(u => u.KeyFingerprint == Keys[1].Fingerprint).State.ShouldBe(QuotaLedger.Disabled, "a 429 must not re-enable a disabled key");
        usage.Single(u => u.KeyFingerprint == Keys[1].Fingerprint).Reason!.ShouldContain("gateway 30");
    }
}
