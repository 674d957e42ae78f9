using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using WeatherFlick.Data.Destinations;
using WeatherFlick.Data.Migrations;
using WeatherFlick.Jobs.Collection.Runs;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.Collection;

[Collection(PostgresCollection.Name)]
public sealed class RunStoreTests(PostgresServerFixture postgres)
{
    private static DestinationRow Row(string id) => new(id, 12, 1, 1, null, null, $"title {id}", null, null, null, null, null, null, null,
        null, null, null, null, null, null, 37.5, 127.0, 6, 60, 127, null, null, 1);

    private async Task<NpgsqlDataSource> MigratedAsync()
    {
        var dataSource = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync("runs"));
        await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        return dataSource;
    }

    [Fact]
    public async Task A_committed_page_moves_the_checkpoint_with_its_rows()
    {
        await using var db = await MigratedAsync();
        var runs = new RunStore(db);
        var (runId, resumed) = await runs.StartOrResumeAsync("tourism-full", "test", CancellationToken.None);
        await runs.PlanAsync(runId, ["area=1/type=12"], CancellationToken.None);

        var result = await runs.CommitPageAsync(runId, "area=1/type=12", DestinationTables.Destinations, [Row("1"), Row("2")], new PageCommit(2, 3, 250), CancellationToken.None);

        resumed.ShouldBeFalse();
        result.Inserted.ShouldBe(2);
        var partition = (await runs.PartitionsAsync(runId, CancellationToken.None)).Single();
        partition.NextPage.ShouldBe(2);
        partition.PagesDone.ShouldBe(1);
        partition.Items.ShouldBe(2);
    }

    [Fact]
    public async Task A_failure_between_the_page_write_and_its_checkpoint_leaves_neither()
    {
        await using var db = await MigratedAsync();
        var runs = new RunStore(db);
        var (runId, _) = await runs.StartOrResumeAsync("tourism-full", "test", CancellationToken.None);
        await runs.PlanAsync(runId, ["area=1/type=12"], CancellationToken.None);

        await Should.ThrowAsync<IOException>(() => runs.CommitPageAsync(runId, "area=1/type=12", DestinationTables.Destinations, [Row("1")], new PageCommit(2, 3, 250),
            CancellationToken.None, beforeCheckpoint: () => throw new IOException("injected crash between write and checkpoint")));

        await using var count = db.CreateCommand("SELECT count(*) FROM destinations");
        (await count.ExecuteScalarAsync()).ShouldBe(0L, "the page's rows must not outlive a checkpoint that was never written");
        var partition = (await runs.PartitionsAsync(runId, CancellationToken.None)).Single();
        partition.NextPage.ShouldBe(1, "the checkpoint must still point at the page that failed");
        partition.PagesDone.ShouldBe(0);
    }

    [Fact]
    public async Task An_unfinished_run_is_resumed_with_its_checkpoints_instead_of_starting_over()
    {
        await using var db = await MigratedAsync();
        var runs = new RunStore(db);
        var (first, _) = await runs.StartOrResumeAsync("tourism-full", "schedule", CancellationToken.None);
        await runs.PlanAsync(first, ["a", "b"], CancellationToken.None);
        await runs.CommitPageAsync(first, "a", DestinationTables.Destinations, [Row("1")], new PageCommit(5, 9, 900), CancellationToken.None);
        await runs.FinishAsync(first, RunStatus.WaitingForQuota, null, DateTimeOffset.UtcNow.AddHours(1), CancellationToken.None);

        var (again, resumed) = await runs.StartOrResumeAsync("tourism-full", "schedule", CancellationToken.None);
        await runs.PlanAsync(again, ["a", "b"], CancellationToken.None);

        resumed.ShouldBeTrue();
        again.ShouldBe(first);
        (await runs.PartitionsAsync(again, CancellationToken.None)).Single(p => p.Key == "a").NextPage.ShouldBe(5, "planning again keeps checkpoints");

        await runs.FinishAsync(again, RunStatus.Succeeded, null, null, CancellationToken.None);
        var (fresh, resumedFresh) = await runs.StartOrResumeAsync("tourism-full", "schedule", CancellationToken.None);
        resumedFresh.ShouldBeFalse();
        fresh.ShouldNotBe(first);
    }
}
