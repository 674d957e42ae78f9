using WeatherFlick.Jobs.Catalog;

namespace WeatherFlick.Tests.Weather;

/// <summary>Progress that cancels the run, synchronously, once it has committed <paramref name="pages"/> pages: a crash at a known point.</summary>
internal sealed class CancelAfterPages(CancellationTokenSource cancellation, int pages) : IProgress<JobProgress>
{
    public void Report(JobProgress value)
    {
        if (value.PagesDone >= pages)
        {
            cancellation.Cancel();
        }
    }
}
