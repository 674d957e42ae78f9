using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Jobs.Collection.Gateway;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.Alerts;

[Collection(PlatformCollection.Name)]
public sealed class AlertCheckTests(PostgresServerFixture postgres, RedisServerFixture redis)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 6, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task A_healthy_system_raises_no_alert()
    {
        var logs = new TestLogSink();
        await using var webhook = await WebhookReceiver.StartAsync();
        await using var host = await DatabaseJobHost.StartAsync(postgres, redis, Now, new Dictionary<string, string> { ["Alerts:WebhookUrl"] = webhook.Url },
            services: s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs));
        await host.Seed.DestinationsAsync([.. Enumerable.Range(1, 20).Select(i => new SeedDestination($"{1000 + i}"))]);
        await host.Seed.ForecastAsync(60, 127, Now.AddHours(-1), Now, Now.AddDays(3));
        // Healthy is the present state: a failure repaired by a later run, a key that cooled down, a disabled key no
        // longer configured, a quota wait of a job that has finished since.
        await host.Seed.RunAsync("tourism-full", "failed", Now.AddDays(-2), error: "upstream kept failing");
        await host.Seed.RunAsync("tourism-full", "succeeded", Now.AddDays(-1), partitions: [("area=1/type=12", "done", [])]);
        await host.Seed.RunAsync("details", "waiting_for_quota", Now.AddDays(-1).AddHours(-3), resumeAt: Now.AddDays(-1));
        await host.Seed.RunAsync("details", "succeeded", Now.AddHours(-5));
        await host.Seed.KeyStateAsync("kto", ApiKey.FingerprintOf(host.Keys[0]), "cooling", "429", Now.AddMinutes(-10));
        await host.Seed.KeyStateAsync("kto", "deadbeef", "disabled", "30 SERVICE_KEY_IS_NOT_REGISTERED_ERROR", Now.AddDays(-3));

        var quality = await host.Jobs.RunAsync("quality");
        var alerts = await host.Jobs.RunAsync("alerts");

        quality.Status.ShouldBe(JobResult.Succeeded, quality.Error);
        quality.Counts["alerts"].ShouldBe(0, "every table scores above its minimum");
        alerts.Status.ShouldBe(JobResult.Succeeded, alerts.Error);
        alerts.Counts["raised"].ShouldBe(0, "nothing is wrong now");
        webhook.Requests.Count.ShouldBe(0, "a healthy system sends nothing to the webhook");
        logs.Lines.ShouldNotContain(l => l.Contains("Alert "), "nor to the log");
    }

    [Fact]
    public async Task A_quality_run_that_fails_is_recorded_and_raises_a_run_failed_alert()
    {
        await using var webhook = await WebhookReceiver.StartAsync();
        await using var host = await DatabaseJobHost.StartAsync(postgres, redis, Now, new Dictionary<string, string> { ["Alerts:WebhookUrl"] = webhook.Url });
        await host.Seed.DestinationsAsync(new SeedDestination("1"));
        await host.Seed.ExecuteAsync("ALTER TABLE forecasts RENAME TO forecasts_lost");

        var quality = await host.Jobs.RunAsync("quality");
        var alerts = await host.Jobs.RunAsync("alerts");

        quality.Status.ShouldBe(JobResult.Failed, "a rule query that cannot run fails the job");
        quality.Error.ShouldNotBeNull().ShouldContain("forecasts", customMessage: "the error says what went wrong");
        (await host.Seed.ScalarAsync<string>("SELECT status FROM collection_runs WHERE job = 'quality'")).ShouldBe("failed", "the run is recorded as failed");
        (await host.Seed.ScalarAsync<long>("SELECT count(*) FROM quality_reports")).ShouldBe(0L, "a failed check writes no partial report");
        alerts.Counts["sent"].ShouldBe(1);
        webhook.Delivered.Single().Text.ShouldContain("quality failed", customMessage: "the quality job's failure is alerted like any other");
    }

    [Fact]
    public async Task A_run_left_running_by_a_dead_process_raises_an_alert_but_a_run_in_progress_does_not()
    {
        await using var webhook = await WebhookReceiver.StartAsync();
        await using var host = await DatabaseJobHost.StartAsync(postgres, redis, Now, new Dictionary<string, string> { ["Alerts:WebhookUrl"] = webhook.Url });
        var orphan = await host.Seed.RunAsync("tourism-full", "running", Now.AddHours(-3),
            partitions: [("area=1/type=12", "done", []), ("area=1/type=14", "running", [])]);
        await host.Seed.RunAsync("details", "running", Now.AddMinutes(-5));
        // The details run is alive: another job-server instance holds its lock, exactly as JobCatalog takes it.
        await using var other = await host.Seed.DataSource.OpenConnectionAsync();
        await using (var hold = new NpgsqlCommand("SELECT pg_advisory_lock($1, hashtext('details'))", other))
        {
            hold.Parameters.Add(new() { Value = JobCatalog.RunningJobLocks });
            await hold.ExecuteNonQueryAsync();
        }

        var alerts = await host.Jobs.RunAsync("alerts");

        alerts.Counts["raised"].ShouldBe(1, "only the run nobody is running is orphaned");
        var delivered = webhook.Delivered.Single();
        delivered.AllText.ShouldContain("Job tourism-full was left running", customMessage: "the alert names the job");
        delivered.Text.ShouldContain($"Run {orphan}", customMessage: "and the run");
        delivered.Text.ShouldContain("1 of 2 partitions done", customMessage: "and how far it got");
    }
}
