using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using WeatherFlick.Testing.LocalServers;
using WeatherFlick.ServiceDefaults.Redis;

namespace WeatherFlick.Tests.Redis;

/// <summary>Each test owns its redis-server, to stop, kill and restart it on the same port.</summary>
public sealed class RedisReconnectTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly RedisClientOptions FastReconnect = new()
    {
        ReconnectMinDelay = TimeSpan.FromMilliseconds(20),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
    };

    private LocalRedisServer _server = null!;

    public async Task InitializeAsync() => _server = await LocalRedisServer.StartAsync(new LocalRedisOptions());

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Commands_fail_while_the_server_is_down_and_succeed_again_after_it_restarts()
    {
        await using var connection = RedisConnection.Create(_server.ConnectionString, FastReconnect);
        await connection.StringSetAsync("before", "1");

        await _server.StopAsync();
        var whileDown = await Should.ThrowAsync<RedisConnectionException>(() => connection.StringGetAsync("before"));
        whileDown.Message.ShouldContain($"127.0.0.1:{_server.Port}", customMessage: "the error names the server");
        whileDown.Message.ShouldNotContain(_server.Password, customMessage: "never the password");

        await _server.RestartAsync();
        await EventuallyAsync(async () => await connection.StringSetAsync("after", "2"), "commands succeed once the server is back");
        (await connection.StringGetAsync("after")).ShouldBe("2", "the reconnected connection works normally");
        connection.IsConnected.ShouldBeTrue();
    }

    [Fact]
    public async Task Commands_in_flight_fail_with_a_connection_error_when_the_server_dies()
    {
        await using var connection = RedisConnection.Create(_server.ConnectionString, FastReconnect);
        await connection.PingAsync();
        // A script that keeps the server busy for two seconds, so replies are outstanding when it dies.
        var busy = connection.ScriptEvaluateAsync(
            "local s = redis.call('TIME') while true do local n = redis.call('TIME') if (n[1] - s[1]) * 1000000 + (n[2] - s[2]) > 2000000 then return 1 end end");
        var queuedBehind = Enumerable.Range(0, 100).Select(i => connection.StringGetAsync($"k{i}")).ToArray();
        await Task.Delay(200);

        NativeProcess.Signal(_server.ProcessId, NativeProcess.SigKill).ShouldBeTrue("the server was running");

        var clock = Stopwatch.StartNew();
        var error = await Should.ThrowAsync<RedisConnectionException>(() => busy);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2), "the failure is reported when the socket drops, not at the command timeout");
        error.Message.ShouldContain($"127.0.0.1:{_server.Port}");
        foreach (var command in queuedBehind)
        {
            await Should.ThrowAsync<RedisConnectionException>(() => command, "every command awaiting a reply fails with the connection");
        }

        await _server.RestartAsync();
        await EventuallyAsync(() => connection.PingAsync(), "a later command reconnects");
    }

    [Fact]
    public async Task Subscription_delivers_again_after_the_server_restarts()
    {
        await using var connection = RedisConnection.Create(_server.ConnectionString, FastReconnect);
        var received = Channel.CreateUnbounded<string>();
        await using var subscription = await connection.SubscribeAsync("alerts", m => received.Writer.TryWrite(m.Message));
        await connection.PublishAsync("alerts", "before restart");
        (await received.Reader.ReadAsync().AsTask().WaitAsync(Patience)).ShouldBe("before restart");

        await _server.RestartAsync();

        // PUBLISH answers how many subscribers got it: 1 once the subscriber connection has re-subscribed by itself.
        await EventuallyAsync(async () => (await connection.PublishAsync("alerts", "after restart")).ShouldBe(1L), "the subscriber re-subscribes after reconnecting");
        (await received.Reader.ReadAsync().AsTask().WaitAsync(Patience)).ShouldBe("after restart", "the same handler receives after the restart");
    }

    [Fact]
    public async Task Reconnect_is_counted_in_the_reconnects_metric()
    {
        long reconnects = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == RedisTelemetry.Name && instrument.Name == "weatherflick.redis.reconnects")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "server.port", Value: int port } && port == _server.Port)
                {
                    Interlocked.Add(ref reconnects, value);
                }
            }
        });
        listener.Start();
        await using var connection = RedisConnection.Create(_server.ConnectionString, FastReconnect);
        await connection.PingAsync();
        Interlocked.Read(ref reconnects).ShouldBe(0L, "the first connection is not a reconnect");

        await _server.RestartAsync();
        await EventuallyAsync(() => connection.PingAsync(), "the connection comes back");

        Interlocked.Read(ref reconnects).ShouldBe(1L, "one lost connection, one reconnect");
    }

    private static async Task EventuallyAsync(Func<Task> action, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await action();
                return;
            }
            catch (Exception e) when (e is RedisConnectionException or ShouldAssertException && clock.Elapsed < Patience)
            {
                await Task.Delay(50);
            }
            catch (Exception e) when (e is RedisConnectionException or ShouldAssertException)
            {
                throw new ShouldAssertException($"Within {Patience.TotalSeconds} s: {what}. Last failure: {e.Message}", e);
            }
        }
    }
}
