using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using WeatherFlick.Data.Telemetry;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.Data;

/// <summary>The data source as the services register it: the job storage's SQL makes no spans, ours does.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabaseTracingTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task Commands_and_batches_on_the_hangfire_schema_make_no_Npgsql_span_while_ordinary_ones_do()
    {
        // Markers in comments find this test's spans among those of tests running alongside.
        var marker = Guid.NewGuid().ToString("N");
        using var spans = new ActivityRecorder("Npgsql");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:weatherflick"] = await postgres.CreateDatabaseAsync("tracing") });
        builder.AddNpgsqlDataSource("weatherflick", configureDataSourceBuilder: DatabaseTracing.Configure);
        using var host = builder.Build();
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        await using (var setup = dataSource.CreateCommand("""CREATE SCHEMA hangfire; CREATE TABLE hangfire."lock" (resource text)"""))
        {
            await setup.ExecuteNonQueryAsync();
        }

        await using (var polling = dataSource.CreateCommand($"""/* jobstorage-{marker} */ SELECT count(*) FROM "hangfire"."lock" WHERE resource = 'x'"""))
        {
            await polling.ExecuteScalarAsync();
        }
        await using (var batch = dataSource.CreateBatch())
        {
            batch.BatchCommands.Add(new($"/* jobstorage-batch-{marker} */ DELETE FROM hangfire.lock WHERE resource = 'x'"));
            batch.BatchCommands.Add(new("SELECT 1 FROM hangfire.lock"));
            await batch.ExecuteNonQueryAsync();
        }
        await using (var ours = dataSource.CreateCommand($"/* ours-{marker} */ SELECT 1"))
        {
            await ours.ExecuteScalarAsync();
        }

        var text = spans.AllText().ToList();
        text.ShouldContain(t => t.Contains($"ours-{marker}"), $"our own SQL is traced; the recorded spans say: {string.Join(" | ", text.Where(t => t.Contains(marker)))}");
        text.ShouldNotContain(t => t.Contains($"jobstorage-{marker}"), "a command on the hangfire schema must make no span");
        text.ShouldNotContain(t => t.Contains($"jobstorage-batch-{marker}"), "a batch on the hangfire schema must make no span");
    }

    [Theory]
    [InlineData("""UPDATE "hangfire"."jobqueue" SET "fetchedat" = NOW() WHERE "id" = 1""")]
    [InlineData("""DELETE FROM "HangFire"."lock" WHERE "resource" = @resource""")]
    [InlineData("SELECT * FROM hangfire.server")]
    [InlineData("INSERT INTO hangfire . counter (key, value) VALUES (@key, 1)")]
    public void Job_storage_SQL_is_recognised_quoted_or_not(string sql) =>
        DatabaseTracing.IsJobStorage(sql).ShouldBeTrue($"{sql} is Hangfire.PostgreSql's SQL");

    [Theory]
    [InlineData("SELECT * FROM destinations WHERE contentid = $1")]
    [InlineData("SELECT hangfire_job_id FROM collection_runs")]
    [InlineData("""SELECT * FROM public."hangfire".x""")]
    [InlineData("SELECT 'hangfire' AS scheduler")]
    [InlineData("")]
    public void Our_SQL_is_not_mistaken_for_the_job_storage(string sql) =>
        DatabaseTracing.IsJobStorage(sql).ShouldBeFalse($"{sql} is ours and must be traced");
}
