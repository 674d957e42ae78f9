using Npgsql;
using NpgsqlTypes;
using WeatherFlick.Data.Bulk;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.Data;

[Collection(PostgresCollection.Name)]
public sealed class UpsertTableTests(PostgresServerFixture postgres)
{
    private sealed record Place(string Id, string Title, int? Rating, DateTimeOffset? Modified, long RawId);

    private static readonly UpsertTable<Place> Places = UpsertTableBuilder<Place>.For("places")
        .Key("id", NpgsqlDbType.Text, p => p.Id)
        .Column("title", NpgsqlDbType.Text, p => p.Title)
        .Column("rating", NpgsqlDbType.Integer, p => p.Rating)
        .Column("modified", NpgsqlDbType.TimestampTz, p => p.Modified)
        .Bookkeeping("raw_id", NpgsqlDbType.Bigint, p => p.RawId)
        .TouchOnChange("updated_at")
        .Build();

    private async Task<NpgsqlDataSource> CreatePlacesAsync()
    {
        var dataSource = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync("upsert"));
        await using var create = dataSource.CreateCommand("""
            CREATE TABLE places (id text PRIMARY KEY, title text NOT NULL, rating int, modified timestamptz,
                                 raw_id bigint, updated_at timestamptz NOT NULL DEFAULT now())
            """);
        await create.ExecuteNonQueryAsync();
        return dataSource;
    }

    private static readonly DateTimeOffset Noon = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Counts_inserted_updated_and_unchanged_rows()
    {
        await using var dataSource = await CreatePlacesAsync();
        await using var connection = await dataSource.OpenConnectionAsync();
        var first = await Places.UpsertAsync(connection, [new("1", "a", 5, Noon, 10), new("2", "b", null, null, 10), new("3", "c", 1, Noon, 10)]);
        first.ShouldBe(new UpsertResult(3, 3, 0));

        var second = await Places.UpsertAsync(connection, [new("1", "a", 5, Noon, 11), new("2", "B", null, null, 11), new("4", "d", 2, Noon, 11)]);

        second.Inserted.ShouldBe(1, "4 is new");
        second.Updated.ShouldBe(1, "2 changed its title");
        second.Unchanged.ShouldBe(1, "1 is the same apart from its raw response id, which is bookkeeping");
    }

    [Fact]
    public async Task Upserting_the_same_rows_again_rewrites_nothing()
    {
        await using var dataSource = await CreatePlacesAsync();
        await using var connection = await dataSource.OpenConnectionAsync();
        Place[] rows = [new("1", "a", null, Noon, 1), new("2", "b", 3, null, 1)];
        await Places.UpsertAsync(connection, rows);
        await using var stamp = new NpgsqlCommand("SELECT string_agg(xmin::text || updated_at::text, ',' ORDER BY id) FROM places", connection);
        var before = await stamp.ExecuteScalarAsync();

        var again = await Places.UpsertAsync(connection, rows);

        again.ShouldBe(new UpsertResult(2, 0, 0));
        (await stamp.ExecuteScalarAsync()).ShouldBe(before, "an unchanged row must keep its tuple (xmin) and its updated_at");
    }

    [Fact]
    public async Task The_last_row_of_a_key_within_one_batch_wins()
    {
        await using var dataSource = await CreatePlacesAsync();
        await using var connection = await dataSource.OpenConnectionAsync();

        var result = await Places.UpsertAsync(connection, [new("1", "first", 1, Noon, 1), new("1", "second", 2, Noon, 2)]);

        result.ShouldBe(new UpsertResult(1, 1, 0), "a page that repeats an item must not fail the statement");
        await using var title = new NpgsqlCommand("SELECT title || raw_id FROM places WHERE id = '1'", connection);
        (await title.ExecuteScalarAsync()).ShouldBe("second2");
    }

    [Fact]
    public async Task Inside_the_callers_transaction_a_rollback_leaves_nothing()
    {
        await using var dataSource = await CreatePlacesAsync();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await Places.UpsertAsync(connection, [new("1", "a", 1, Noon, 1)], transaction);
            await Places.UpsertAsync(connection, [new("2", "b", 1, Noon, 1)], transaction);
            await transaction.RollbackAsync();
        }
        await using var count = new NpgsqlCommand("SELECT count(*) FROM places", connection);
        (await count.ExecuteScalarAsync()).ShouldBe(0L);
    }

    [Fact]
    public async Task Ten_thousand_rows_load_in_one_call()
    {
        await using var dataSource = await CreatePlacesAsync();
        await using var connection = await dataSource.OpenConnectionAsync();
        var rows = Enumerable.Range(0, 10_000).Select(i => new Place(i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"title {i}", i % 5 == 0 ? null : i, Noon.AddSeconds(i), 1));

        var result = await Places.UpsertAsync(connection, rows);

        result.ShouldBe(new UpsertResult(10_000, 10_000, 0));
    }
}
