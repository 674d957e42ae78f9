using System.Diagnostics;
using WeatherFlick.ServiceDefaults.Redis;
using WeatherFlick.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WeatherFlick.Tests.Redis;

[Collection(RedisCollection.Name)]
public sealed class RedisPipeliningTests(RedisServerFixture redis, ITestOutputHelper output) : RedisClientTest(redis)
{
    [Fact]
    public async Task Batch_of_10000_commands_is_pipelined_and_every_reply_arrives_in_order()
    {
        var key = Prefix + "seq";
        var batch = Connection.CreateBatch();
        var increments = Enumerable.Range(0, 10_000).Select(_ => batch.StringIncrementAsync(key)).ToArray();
        batch.Count.ShouldBe(10_000, "nothing is sent before ExecuteAsync");

        var clock = Stopwatch.StartNew();
        await batch.ExecuteAsync();
        var replies = await Task.WhenAll(increments);
        clock.Stop();

        replies.ShouldBe(Enumerable.Range(1, 10_000).Select(i => (long)i), ignoreOrder: false,
            customMessage: "the n-th INCR must get the n-th reply: replies are matched to commands in order");
        output.WriteLine($"10,000 pipelined INCRBY: {clock.ElapsedMilliseconds} ms ({10_000 / clock.Elapsed.TotalSeconds:0} commands/s)");
    }

    [Fact]
    public async Task Ten_thousand_concurrent_calls_are_pipelined_and_each_caller_gets_its_own_reply()
    {
        var clock = Stopwatch.StartNew();
        var echoes = await Task.WhenAll(Enumerable.Range(0, 10_000).Select(i => Connection.ExecuteAsync("ECHO", $"caller-{i}")));
        clock.Stop();

        for (var i = 0; i < echoes.Length; i++)
        {
            echoes[i].AsString().ShouldBe($"caller-{i}", $"caller {i} must receive the reply to its own ECHO");
        }
        output.WriteLine($"10,000 concurrent ECHO without a batch: {clock.ElapsedMilliseconds} ms ({10_000 / clock.Elapsed.TotalSeconds:0} commands/s)");
    }

    [Fact]
    public async Task Fifty_tasks_of_200_increments_each_reach_exactly_10000()
    {
        var key = Prefix + "shared";

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                await Connection.StringIncrementAsync(key, 1);
            }
        })));
        clock.Stop();

        (await Connection.StringGetAsync(key)).ShouldBe("10000", "no increment may be lost or applied twice under concurrency");
        output.WriteLine($"50 tasks × 200 awaited INCRBY: {clock.ElapsedMilliseconds} ms ({10_000 / clock.Elapsed.TotalSeconds:0} commands/s)");
    }

    [Fact]
    public async Task Batch_commands_run_in_the_order_they_were_added()
    {
        var key = Prefix + "ordered";
        var batch = Connection.CreateBatch();
        var set = batch.StringSetAsync(key, "one");
        var read = batch.StringGetAsync(key);
        var delete = batch.KeyDeleteAsync(key);
        var readAgain = batch.StringGetAsync(key);

        await batch.ExecuteAsync();

        (await set).ShouldBeTrue();
        (await read).ShouldBe("one", "GET after SET in the same batch sees the value");
        (await delete).ShouldBeTrue();
        (await readAgain).ShouldBeNull("GET after DEL in the same batch sees nothing");
    }

    [Fact]
    public async Task Batch_runs_once_and_refuses_commands_afterwards()
    {
        var batch = Connection.CreateBatch();
        var ping = batch.PingAsync();
        await batch.ExecuteAsync();
        await ping;

        await Should.ThrowAsync<InvalidOperationException>(() => batch.ExecuteAsync(), "a batch is executed once");
        await Should.ThrowAsync<InvalidOperationException>(() => batch.PingAsync(), "commands added after execution would never be sent");
    }
}
