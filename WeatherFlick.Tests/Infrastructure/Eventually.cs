using System.Diagnostics;

namespace WeatherFlick.Tests.Infrastructure;

public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="because"/> after <paramref name="timeout"/>.</summary>
    public static Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string because) =>
        HoldsAsync(condition, timeout, () => because);

    /// <summary>As above, with the failure message made only when it fails (it may show what happened meanwhile).</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> because)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new ShouldAssertException($"Not true after {timeout.TotalSeconds:0} s: {because()}");
            }
            await Task.Delay(100);
        }
    }

    public static Task HoldsAsync(Func<bool> condition, TimeSpan timeout, string because) =>
        HoldsAsync(() => Task.FromResult(condition()), timeout, because);

    public static Task HoldsAsync(Func<bool> condition, TimeSpan timeout, Func<string> because) =>
        HoldsAsync(() => Task.FromResult(condition()), timeout, because);
}
