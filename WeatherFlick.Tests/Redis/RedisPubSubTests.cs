using System.Collections.Concurrent;
using System.Threading.Channels;
using WeatherFlick.ServiceDefaults.Redis;
using WeatherFlick.Tests.Infrastructure;

namespace WeatherFlick.Tests.Redis;

[Collection(RedisCollection.Name)]
public sealed class RedisPubSubTests(RedisServerFixture redis) : RedisClientTest(redis)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Published_message_reaches_the_handler_with_its_channel_and_exact_payload()
    {
        var received = Channel.CreateUnbounded<RedisChannelMessage>();
        await using var subscription = await Connection.SubscribeAsync(Prefix, m => received.Writer.TryWrite(m));
        byte[] payload = [0, 13, 10, 0xFF, (byte)'x'];

        (await Connection.PublishAsync(Prefix, payload)).ShouldBe(1L, "our subscriber connection is the one receiver");

        var message = await received.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        message.Channel.ShouldBe(Prefix, "the message names the channel it came on");
        message.Payload.ToArray().ShouldBe(payload, "pub/sub payloads are binary-safe");
    }

    [Fact]
    public async Task Messages_reach_an_async_handler_one_at_a_time_in_publish_order()
    {
        var received = new ConcurrentQueue<string>();
        var running = 0;
        var overlapped = false;
        var done = new TaskCompletionSource();
        await using var subscription = await Connection.SubscribeAsync(Prefix, async (message, cancellationToken) =>
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            await Task.Yield();
            received.Enqueue(message.Message);
            Interlocked.Decrement(ref running);
            if (received.Count == 200)
            {
                done.TrySetResult();
            }
        });

        for (var i = 0; i < 200; i++)
        {
            await Connection.PublishAsync(Prefix, $"m{i}");
        }
        await done.Task.WaitAsync(Patience);

        received.ShouldBe(Enumerable.Range(0, 200).Select(i => $"m{i}"), ignoreOrder: false, customMessage: "messages are handled in the order they were published");
        overlapped.ShouldBeFalse("a handler is never run for two messages at once");
    }

    [Fact]
    public async Task Every_handler_of_a_channel_receives_and_the_last_one_leaving_unsubscribes_on_the_server()
    {
        var first = Channel.CreateUnbounded<string>();
        var second = Channel.CreateUnbounded<string>();
        var one = await Connection.SubscribeAsync(Prefix, m => first.Writer.TryWrite(m.Message));
        var two = await Connection.SubscribeAsync(Prefix, m => second.Writer.TryWrite(m.Message));

        await Connection.PublishAsync(Prefix, "both");
        (await first.Reader.ReadAsync().AsTask().WaitAsync(Patience)).ShouldBe("both");
        (await second.Reader.ReadAsync().AsTask().WaitAsync(Patience)).ShouldBe("both");

        await one.DisposeAsync();
        (await Connection.PublishAsync(Prefix, "second only")).ShouldBe(1L, "the channel is still subscribed for the second handler");
        (await second.Reader.ReadAsync().AsTask().WaitAsync(Patience)).ShouldBe("second only");

        await two.DisposeAsync();
        (await Connection.PublishAsync(Prefix, "nobody")).ShouldBe(0L, "the last handler leaving unsubscribed the channel on the server");
        first.Reader.TryRead(out _).ShouldBeFalse("a disposed handler receives nothing more");
    }

    [Fact]
    public async Task Unsubscribe_removes_every_handler_of_the_channel()
    {
        var received = 0;
        await Connection.SubscribeAsync(Prefix, _ => Interlocked.Increment(ref received));
        await Connection.SubscribeAsync(Prefix, _ => Interlocked.Increment(ref received));

        await Connection.UnsubscribeAsync(Prefix);

        (await Connection.PublishAsync(Prefix, "gone")).ShouldBe(0L, "nothing is subscribed any more");
        await Connection.PingAsync();
        received.ShouldBe(0);
    }

    [Fact]
    public async Task Handler_that_throws_still_receives_later_messages()
    {
        var received = Channel.CreateUnbounded<string>();
        await using var subscription = await Connection.SubscribeAsync(Prefix, m =>
        {
            if (m.Message == "bad")
            {
                throw new InvalidOperationException("handler bug");
            }
            received.Writer.TryWrite(m.Message);
        });

        await Connection.PublishAsync(Prefix, "bad");
        await Connection.PublishAsync(Prefix, "good");

        (await received.Reader.ReadAsync().AsTask().WaitAsync(Patience)).ShouldBe("good", "one failing message must not end the subscription");
    }
}
