using System.Text.Json;
using Json.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WeatherFlick.Jobs.Catalog;
using WeatherFlick.Jobs.Collection.Gateway;
using WeatherFlick.Simulator.Hosting;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.Alerts;

[Collection(PlatformCollection.Name)]
public sealed class AlertDeliveryTests(PostgresServerFixture postgres, RedisServerFixture redis)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 6, 0, 0, TimeSpan.FromHours(9));

    /// <summary>What a Slack incoming webhook accepts, for the parts we send (text, header, section and context blocks).</summary>
    private static readonly JsonSchema SlackMessage = JsonSchema.FromText("""
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "type": "object",
          "required": ["text"],
          "additionalProperties": false,
          "properties": {
            "text": { "type": "string" },
            "blocks": { "type": "array", "items": { "$ref": "#/definitions/block" } }
          },
          "definitions": {
            "plain": { "type": "object", "required": ["type", "text"], "additionalProperties": false,
                       "properties": { "type": { "const": "plain_text" }, "text": { "type": "string" } } },
            "mrkdwn": { "type": "object", "required": ["type", "text"], "additionalProperties": false,
                        "properties": { "type": { "const": "mrkdwn" }, "text": { "type": "string" } } },
            "block": { "oneOf": [
              { "type": "object", "required": ["type", "text"], "additionalProperties": false,
                "properties": { "type": { "const": "header" }, "text": { "$ref": "#/definitions/plain" } } },
              { "type": "object", "required": ["type", "text"], "additionalProperties": false,
                "properties": { "type": { "const": "section" }, "text": { "$ref": "#/definitions/mrkdwn" } } },
              { "type": "object", "required": ["type", "elements"], "additionalProperties": false,
                "properties": { "type": { "const": "context" }, "elements": { "type": "array", "items": { "$ref": "#/definitions/mrkdwn" } } } }
            ] }
          }
        }
        """);

    [Fact]
    public async Task Failed_run_quota_wait_and_disabled_key_each_reach_the_webhook_as_a_Slack_message()
    {
        await using var webhook = await WebhookReceiver.StartAsync();
        await using var host = await DatabaseJobHost.StartAsync(postgres, redis, Now, new Dictionary<string, string> { ["Alerts:WebhookUrl"] = webhook.Url });
        await host.Seed.RunAsync("tourism-full", "failed", Now.AddHours(-3), error: "3 of 136 partitions failed; first: area=1/type=12: upstream kept failing: HTTP 502");
        await host.Seed.RunAsync("details", "waiting_for_quota", Now.AddHours(-2), error: "12 partitions wait for quota", resumeAt: new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(9)),
            partitions: [("day=1", "done", []), ("day=2", "waiting_for_quota", [])]);
        var fingerprint = ApiKey.FingerprintOf(host.Keys[0]);
        await host.Seed.KeyStateAsync("kto", fingerprint, "disabled", "30 SERVICE_KEY_IS_NOT_REGISTERED_ERROR", Now.AddHours(-1));

        var result = await host.Jobs.RunAsync("alerts");

        result.Status.ShouldBe(JobResult.Succeeded, result.Error);
        result.Counts["sent"].ShouldBe(3, "one alert per problem: the failed run, the quota wait, the disabled key");
        webhook.Delivered.Count.ShouldBe(3, "each alert is one POST to the webhook");
        foreach (var message in webhook.Delivered)
        {
            message.Method.ShouldBe("POST");
            message.Path.ShouldBe(WebhookReceiver.TokenPath, "alerts go to the configured webhook URL");
            message.ContentType.ShouldNotBeNull().ShouldStartWith("application/json", customMessage: "Slack takes JSON bodies");
            SlackMessage.Evaluate(message.Json).IsValid.ShouldBeTrue($"not a Slack-compatible message: {message.Body}");
        }
        var texts = webhook.Delivered.Select(m => m.Text).ToList();
        texts.ShouldContain(t => t.Contains("tourism-full failed") && t.Contains("HTTP 502"), $"the failed run, with its error; got {string.Join(" | ", texts)}");
        texts.ShouldContain(t => t.Contains("details ran out of quota") && t.Contains("1 of 2 partitions done") && t.Contains("2026-11-23 00:00 KST"),
            $"the run left waiting for quota, with its progress and when it can resume; got {string.Join(" | ", texts)}");
        texts.ShouldContain(t => t.Contains($"KTO key {fingerprint} is disabled") && t.Contains("SERVICE_KEY_IS_NOT_REGISTERED_ERROR"),
            $"the disabled key by fingerprint, with the upstream's reason; got {string.Join(" | ", texts)}");
    }

    [Fact]
    public async Task An_alert_the_webhook_refused_is_retried_by_the_standard_pipeline_and_sent_again_at_the_next_check()
    {
        // 1 attempt + 3 retries of the standard pipeline all refused; the next check's attempt is accepted.
        await using var webhook = await WebhookReceiver.StartAsync(status: n => n <= 4 ? 503 : 200);
        await using var host = await DatabaseJobHost.StartAsync(postgres, redis, Now, new Dictionary<string, string> { ["Alerts:WebhookUrl"] = webhook.Url });
        await host.Seed.RunAsync("weather-forecast", "failed", Now.AddHours(-1), error: "upstream kept failing");

        var refused = await host.Jobs.RunAsync("alerts");

        refused.Status.ShouldBe(JobResult.Failed, "an alert nobody received is the alerts job's failure");
        refused.Counts["undelivered"].ShouldBe(1);
        webhook.Requests.Count.ShouldBe(4, "the standard resilience pipeline retries a 503 three times");
        (await host.Seed.ScalarAsync<long>("SELECT count(*) FROM alert_deliveries")).ShouldBe(0L, "an undelivered alert must not count as sent");

        var retried = await host.Jobs.RunAsync("alerts");

        retried.Status.ShouldBe(JobResult.Succeeded, retried.Error);
        retried.Counts["sent"].ShouldBe(1);
        webhook.Delivered.Count.ShouldBe(1, "the next check delivers the alert the webhook refused");
        webhook.Delivered[0].Text.ShouldContain("weather-forecast failed");
    }

    [Fact]
    public async Task Alerts_never_carry_a_service_key_or_the_webhook_token_into_messages_logs_or_traces()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var webhook = await WebhookReceiver.StartAsync();
        var logs = new TestLogSink();
        await using var host = await DatabaseJobHost.StartAsync(postgres, redis, Now, new Dictionary<string, string>
        {
            ["Alerts:WebhookUrl"] = webhook.Url,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["Logging:LogLevel:Default"] = "Trace",
        }, services: s => s.AddSingleton<ILoggerProvider>(logs));
        var key = host.Keys[0];
        var encoded = Uri.EscapeDataString(key);
        var fingerprint = ApiKey.FingerprintOf(key);
        // Free text that echoes the key, as an upstream error page or a careless exception message might.
        await host.Seed.KeyStateAsync("kto", fingerprint, "disabled", $"30 SERVICE_KEY_IS_NOT_REGISTERED_ERROR for key {key}", Now.AddHours(-1));
        await host.Seed.RunAsync("tourism-full", "failed", Now.AddHours(-1), error: $"GET /areaBasedList2?serviceKey={encoded}&pageNo=3 failed after 6 attempts");

        var result = await host.Jobs.RunAsync("alerts");

        result.Counts["sent"].ShouldBe(2, result.Error);
        webhook.Delivered.Count.ShouldBe(2);
        webhook.Delivered.ShouldAllBe(m => m.Path == WebhookReceiver.TokenPath, "delivered to the secret URL all the same");
        string[] secrets = [key, encoded, "s3cr3tW3bh00kT0ken", WebhookReceiver.TokenPath];
        foreach (var message in webhook.Delivered)
        {
            foreach (var secret in secrets)
            {
                message.AllText.ShouldNotContain(secret, Case.Insensitive, $"the alert text leaks a secret: {message.AllText}");
            }
        }
        webhook.Delivered.ShouldContain(m => m.Text.Contains(fingerprint), "the key is named by its fingerprint");
        logs.Lines.ShouldContain(l => l.Contains("Alert key-disabled:kto:" + fingerprint), "the log sink writes every alert");
        foreach (var secret in secrets)
        {
            logs.Lines.ShouldNotContain(l => l.Contains(secret, StringComparison.OrdinalIgnoreCase), $"a log line leaks {secret}");
        }

        await Eventually.HoldsAsync(() => Task.FromResult(collector.Spans.Any(s => s.Name == "alert key-disabled")), TimeSpan.FromSeconds(15),
            () => $"the alert spans never reached the collector; got {string.Join(", ", collector.Spans.Select(s => s.Name).Distinct())}");
        // Server spans here are the scripted webhook's own (it runs in this process); in production the receiver is Slack.
        var clientSide = collector.Spans.Where(s => s.Kind != OtlpSpan.KindServer).ToList();
        foreach (var secret in secrets)
        {
            clientSide.ShouldNotContain(s => s.Name.Contains(secret, StringComparison.OrdinalIgnoreCase)
                || s.Attributes.Values.Any(v => (v as string ?? "").Contains(secret, StringComparison.OrdinalIgnoreCase)),
                $"an exported span leaks {secret}");
        }
    }

    [Fact]
    public async Task A_webhook_url_that_is_not_absolute_http_stops_the_job_server_at_start_without_repeating_it()
    {
        await using var sim = await SimulatorServer.StartAsync(o => o.Size = 1000);

        var (exitCode, printed) = await JobServer.StartExpectingFailureAsync(sim, await postgres.CreateDatabaseAsync("alerts"), redis.ConnectionString,
            new Dictionary<string, string> { ["Alerts:WebhookUrl"] = "hooks.example/services/T0/B0/n0tAbs0lut3T0ken" });

        exitCode.ShouldNotBe(0, "a job server with a broken webhook URL must not start");
        printed.ShouldContain("OptionsValidationException", customMessage: $"start must fail on the setting; it printed {printed}");
        printed.ShouldContain("Alerts:WebhookUrl", customMessage: "the message names the setting");
        printed.ShouldNotContain("n0tAbs0lut3T0ken", customMessage: "the message must not repeat a secret");
    }
}
