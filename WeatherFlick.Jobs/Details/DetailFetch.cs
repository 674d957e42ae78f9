using WeatherFlick.Data.Details;

namespace WeatherFlick.Jobs.Details;

/// <summary>How fetching one destination's three detail answers ended: a closed set, switched over by the job.</summary>
public abstract record DetailFetch
{
    private DetailFetch()
    {
    }

    /// <summary>All three answers are in: the row to store.</summary>
    public sealed record Fetched(DestinationDetailRow Row) : DetailFetch;

    /// <summary>
    /// The service refused the request for good (<c>invalid_request</c>) or has no such content (<c>no_data</c>, asked
    /// twice): recorded, and not asked again until the destination changes.
    /// </summary>
    public sealed record Failed(string Operation, string Outcome, string Code, string Message, long? RawResponseId) : DetailFetch;

    /// <summary>The gateway gave up after its retries: left due, tried again by a later run.</summary>
    public sealed record Transient(string Operation, string Reason) : DetailFetch;

    /// <summary>Every key is spent for an operation until <paramref name="ResumeAt"/>: the run stops cleanly.</summary>
    public sealed record WaitingForQuota(DateTimeOffset ResumeAt) : DetailFetch;

    /// <summary>An empty answer needed asking again but the day's budget had no call left for it: left for the next run.</summary>
    public sealed record OutOfBudget(string Operation) : DetailFetch;
}
