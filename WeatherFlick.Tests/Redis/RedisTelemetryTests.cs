using System.Collections.Concurrent;
using System.Diagnostics;
using WeatherFlick.ServiceDefaults.Redis;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.Redis;

[Collection(RedisCollection.Name)]
public sealed class RedisTelemetryTests : IDisposable
{
    private const string TestSourceName = "WeatherFlick.Tests.RedisTelemetry";
    private static readonly ActivitySource TestSource = new(TestSourceName);
    private readonly RedisServerFixture _redis;
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;

    public RedisTelemetryTests(RedisServerFixture redis)
    {
        _redis = redis;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is RedisTelemetry.Name or TestSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task Each_command_records_one_client_span_with_database_tags_and_no_keys_values_or_password()
    {
        const string secretValue = "value-that-must-not-leak";
        const string secretKey = "key-that-must-not-leak";
        await using var connection = RedisConnection.Create(_redis.ConnectionString);
        ActivityTraceId trace;
        using (var parent = TestSource.StartActivity("test"))
        {
            trace = parent!.TraceId;
            await connection.StringSetAsync(secretKey, secretValue);
            await connection.StringGetAsync(secretKey);
            await connection.HashSetAsync(secretKey + "h", "field", secretValue);
            await connection.ExecuteAsync("echo", secretValue);
        }

        var spans = _spans.Where(s => s.TraceId == trace && s.Source.Name == RedisTelemetry.Name).ToList();
        spans.Select(s => s.DisplayName).ShouldBe(["SET", "GET", "HSET", "ECHO"], ignoreOrder: false,
            customMessage: "one span per command, named by the operation (the handshake's AUTH is not traced)");
        foreach (var span in spans)
        {
            span.Kind.ShouldBe(ActivityKind.Client, $"{span.DisplayName} is a client span");
            span.GetTagItem("db.system.name").ShouldBe("redis");
            span.GetTagItem("db.operation.name").ShouldBe(span.DisplayName);
            span.GetTagItem("server.address").ShouldBe("127.0.0.1");
            span.GetTagItem("server.port").ShouldBe(_redis.Server.Port);
            span.Status.ShouldBe(ActivityStatusCode.Unset, $"{span.DisplayName} succeeded");
            var everything = string.Join(" ", span.TagObjects.Select(t => $"{t.Key}={t.Value}")) + span.DisplayName + span.StatusDescription;
            everything.ShouldNotContain(secretValue, customMessage: "values are never recorded");
            everything.ShouldNotContain(secretKey, customMessage: "keys are never recorded");
            everything.ShouldNotContain(_redis.Server.Password, customMessage: "the password is never recorded");
        }
    }

    [Fact]
    public async Task Failed_command_span_carries_error_status_and_the_servers_error_code()
    {
        await using var connection = RedisConnection.Create(_redis.ConnectionString);
        var key = $"tele:{Guid.NewGuid():N}";
        await connection.StringSetAsync(key, "text");
        ActivityTraceId trace;
        using (var parent = TestSource.StartActivity("test"))
        {
            trace = parent!.TraceId;
            await Should.ThrowAsync<RedisServerException>(() => connection.HashGetAsync(key, "f"));
        }

        var span = _spans.Single(s => s.TraceId == trace && s.Source.Name == RedisTelemetry.Name);
        span.Status.ShouldBe(ActivityStatusCode.Error, "a failed command is an error span");
        span.GetTagItem("error.type").ShouldBe("WRONGTYPE", "server errors are typed by their code, never their text (which may quote values)");
    }
}
