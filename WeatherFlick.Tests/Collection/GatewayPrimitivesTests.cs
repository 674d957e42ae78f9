using System.Diagnostics;
using WeatherFlick.Data.Time;
using WeatherFlick.Jobs.Collection.Gateway;

namespace WeatherFlick.Tests.Collection;

public sealed class GatewayPrimitivesTests
{
    [Fact]
    public void Quota_day_turns_at_midnight_KST_not_UTC()
    {
        var lateUtc = new DateTimeOffset(2026, 11, 22, 14, 59, 59, TimeSpan.Zero); // 23:59:59 KST
        KoreaTime.DayOf(lateUtc).ShouldBe(new DateOnly(2026, 11, 22));
        KoreaTime.DayOf(lateUtc.AddSeconds(1)).ShouldBe(new DateOnly(2026, 11, 23), "15:00 UTC is 00:00 KST");
        KoreaTime.NextMidnight(lateUtc).ShouldBe(new DateTimeOffset(2026, 11, 22, 15, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Decoding_and_Encoding_forms_of_a_key_are_the_same_key_sent_encoded_once()
    {
        var decoded = new ApiKey("abc+def/ghi==");
        var encoded = new ApiKey("abc%2Bdef%2Fghi%3D%3D");

        encoded.Fingerprint.ShouldBe(decoded.Fingerprint);
        decoded.QueryValue.ShouldBe("abc%2Bdef%2Fghi%3D%3D");
        encoded.QueryValue.ShouldBe("abc%2Bdef%2Fghi%3D%3D", "an Encoding key must not be encoded a second time (%252B)");
    }

    [Fact]
    public void A_key_prints_as_its_fingerprint_only()
    {
        var key = new ApiKey("secret-service-key-value");

        $"{key}".ShouldBe(key.Fingerprint);
        key.Fingerprint.Length.ShouldBe(8);
        key.Fingerprint.ShouldMatch("^[0-9a-f]{8}$");
    }

    [Fact]
    public async Task Pacer_spaces_calls_on_a_key_at_its_rate()
    {
        var pacer = new KeyPacer(50, TimeProvider.System);
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 11; i++)
        {
            await pacer.WaitAsync(CancellationToken.None);
        }

        clock.Elapsed.ShouldBeGreaterThan(TimeSpan.FromMilliseconds(190), "eleven calls at 50/s need ten 20 ms gaps");
    }

    [Fact]
    public void Concurrency_halves_on_pushback_and_grows_back_additively()
    {
        var limiter = new AdaptiveConcurrencyLimiter(maxConcurrency: 16, initialConcurrency: 16);

        limiter.OnPushback();
        limiter.Limit.ShouldBe(8);
        limiter.OnPushback();
        limiter.Limit.ShouldBe(8, "a burst of rejections is one signal, not many");

        for (var i = 0; i < 8; i++)
        {
            limiter.OnSuccess(TimeSpan.FromMilliseconds(50));
        }
        limiter.Limit.ShouldBe(9, "a limit's worth of good answers adds one slot");
    }

    [Fact]
    public async Task Concurrency_limiter_never_grants_more_slots_than_its_limit()
    {
        var limiter = new AdaptiveConcurrencyLimiter(maxConcurrency: 3, initialConcurrency: 3);
        var current = 0;
        var peak = 0;

        await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            using var slot = await limiter.AcquireAsync(CancellationToken.None);
            var now = Interlocked.Increment(ref current);
            InterlockedMax(ref peak, now);
            await Task.Delay(5);
            Interlocked.Decrement(ref current);
        }));

        peak.ShouldBe(3);
        limiter.InUse.ShouldBe(0, "every slot must be returned");
    }

    [Fact]
    public async Task A_cancelled_waiter_does_not_leak_a_slot()
    {
        var limiter = new AdaptiveConcurrencyLimiter(maxConcurrency: 1, initialConcurrency: 1);
        var held = await limiter.AcquireAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource(50);

        await Should.ThrowAsync<OperationCanceledException>(async () => await limiter.AcquireAsync(cancel.Token));
        held.Dispose();

        using var again = await limiter.AcquireAsync(new CancellationTokenSource(1000).Token);
        limiter.InUse.ShouldBe(1);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
