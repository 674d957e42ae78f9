using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using WeatherFlick.Data.Migrations;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.Data;

[Collection(PostgresCollection.Name)]
public sealed class DatabaseMigratorTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Embedded_migrations_create_the_schema_and_a_second_run_applies_nothing()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync("migrate"));
        var migrator = new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance);

        (await migrator.MigrateAsync()).ShouldBe(Migration.Embedded.Count);
        (await migrator.MigrateAsync()).ShouldBe(0, "an applied migration must never run twice");

        await using var tables = dataSource.CreateCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = ANY($1)");
        tables.Parameters.Add(new() { Value = new[] { "destinations", "forecasts", "raw_responses", "api_key_usage", "collection_runs", "run_partitions", "quality_reports", "recommendations" } });
        (await tables.ExecuteScalarAsync()).ShouldBe(8L);
    }

    [Fact]
    public async Task Instances_starting_together_apply_each_migration_exactly_once()
    {
        var connectionString = await postgres.CreateDatabaseAsync("migrate_race");
        var slow = new Migration(1, "slow", "SELECT pg_sleep(0.3); CREATE TABLE once (id int);");
        var second = new Migration(2, "second", "INSERT INTO once VALUES (1);");

        // Separate data sources: as separate processes would, they share nothing but the database.
        var sources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(connectionString)).ToList();
        try
        {
            var applied = await Task.WhenAll(sources.Select(s =>
                Task.Run(() => new DatabaseMigrator(s, NullLogger<DatabaseMigrator>.Instance).MigrateAsync([slow, second]))));

            applied.Sum().ShouldBe(2, "two migrations in all, whichever instance applied them");
            await using var rows = sources[0].CreateCommand("SELECT count(*) FROM once");
            (await rows.ExecuteScalarAsync()).ShouldBe(1L, "the data migration must have run once");
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_migration_edited_after_it_was_applied_stops_the_start()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync("migrate_edit"));
        var migrator = new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance);
        await migrator.MigrateAsync([new Migration(1, "first", "CREATE TABLE a (id int);")]);

        var error = await Should.ThrowAsync<InvalidOperationException>(() =>
            migrator.MigrateAsync([new Migration(1, "first", "CREATE TABLE a (id bigint);")]));

        error.Message.ShouldContain("0001_first was changed after it was applied");
    }
}
