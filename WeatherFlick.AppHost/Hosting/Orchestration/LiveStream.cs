using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace WeatherFlick.AppHost.Hosting.Orchestration;

internal static class LiveStream
{
    /// <summary>
    /// What was there when the subscriber joined, then what arrives on its channel, until it stops listening. The
    /// caller takes the backlog and registers the channel under one lock, so nothing falls between the two.
    /// </summary>
    public static async IAsyncEnumerable<T> ReplayThenFollowAsync<T>(IReadOnlyList<T> backlog, Channel<T> channel, Action unsubscribe,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            foreach (var item in backlog)
            {
                yield return item;
            }
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
        finally
        {
            unsubscribe();
        }
    }
}
