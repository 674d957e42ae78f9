using System.Collections.Concurrent;
using System.Diagnostics;

namespace WeatherFlick.Tests.Infrastructure;

/// <summary>Records every span of the given sources (all tags and names) while it lives.</summary>
public sealed class ActivityRecorder : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _activities = new();

    public ActivityRecorder(params string[] sourcePrefixes)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => sourcePrefixes.Any(p => source.Name.StartsWith(p, StringComparison.Ordinal)),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyCollection<Activity> Activities => _activities;

    /// <summary>Every name, tag value and event of every recorded span, as text.</summary>
    public IEnumerable<string> AllText() => _activities.SelectMany(a =>
        new[] { a.DisplayName, a.OperationName, a.StatusDescription ?? "" }
            .Concat(a.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(a.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}"))));

    public void Dispose() => _listener.Dispose();
}
