using Microsoft.Extensions.DependencyInjection;
using WeatherFlick.Jobs.Alerts;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.Alerts;

[Collection(PlatformCollection.Name)]
public sealed class AlertDeduplicationTests(PostgresServerFixture postgres, RedisServerFixture redis)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 6, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task A_problem_is_sent_once_per_window_across_runs_and_job_server_instances()
    {
        await using var webhook = await WebhookReceiver.StartAsync();
        var clock = new ManualClock(Now);
        var settings = new Dictionary<string, string> { ["Alerts:WebhookUrl"] = webhook.Url, ["Alerts:DedupeWindow"] = "06:00:00" };
        await using var first = await DatabaseJobHost.StartAsync(postgres, redis, Now, settings, clock: clock);
        await using var second = await DatabaseJobHost.StartAsync(postgres, redis, Now, settings, database: first.Jobs.Database, clock: clock);
        await first.Seed.RunAsync("tourism-full", "failed", Now.AddHours(-1), error: "upstream kept failing");

        await first.Jobs.RunAsync("alerts");
        clock.Advance(TimeSpan.FromHours(1));
        await first.Jobs.RunAsync("alerts");
        clock.Advance(TimeSpan.FromHours(4));
        var fromSecond = await second.Jobs.RunAsync("alerts");

        webhook.Delivered.Count.ShouldBe(1, "the same problem within the window is sent once, whichever instance raises it");
        fromSecond.Counts["suppressed"].ShouldBe(1, "the second instance sees the first one's delivery");
        (await first.Seed.ScalarAsync<int>("SELECT suppressed FROM alert_deliveries WHERE alert_key = 'run-failed:tourism-full'"))
            .ShouldBe(2, "each repeat inside the window is counted, not sent");

        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        await second.Jobs.RunAsync("alerts");

        webhook.Delivered.Count.ShouldBe(2, "a problem still there after the window is sent again");
    }

    [Fact]
    public async Task Two_instances_raising_the_same_alert_at_once_send_it_once()
    {
        // A slow webhook keeps the first sender's claim open while the second one raises the same alert.
        await using var webhook = await WebhookReceiver.StartAsync(delay: TimeSpan.FromMilliseconds(500));
        var clock = new ManualClock(Now);
        var settings = new Dictionary<string, string> { ["Alerts:WebhookUrl"] = webhook.Url };
        await using var first = await DatabaseJobHost.StartAsync(postgres, redis, Now, settings, clock: clock);
        await using var second = await DatabaseJobHost.StartAsync(postgres, redis, Now, settings, database: first.Jobs.Database, clock: clock);
        var alert = new Alert("key-disabled:kma:0a1b2c3d", "KMA key 0a1b2c3d is disabled", "The upstream refused it.");

        var deliveries = await Task.WhenAll(
            first.Jobs.Services.GetRequiredService<AlertPublisher>().RaiseAsync(alert, CancellationToken.None),
            second.Jobs.Services.GetRequiredService<AlertPublisher>().RaiseAsync(alert, CancellationToken.None));

        deliveries.Order().ToArray().ShouldBe([AlertDelivery.Sent, AlertDelivery.Suppressed], "exactly one of two simultaneous raises sends");
        webhook.Delivered.Count.ShouldBe(1, "the webhook hears the problem once");
    }
}
