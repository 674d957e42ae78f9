using WeatherFlick.Data.Details;

namespace WeatherFlick.Jobs.Details;

/// <summary>How fetching one destination's three detail answers ended: a closed set, switched over by the job.</summary>
public abstract record DetailFetch
{
    private DetailFetch()
    {
    }

    /// <summary>
    /// All three answers are in: the row to store. <paramref name="PhotosUnconfirmed"/> is set when detailImage2
    /// answered empty twice though the list showed a first image: the row is stored without photos, and the empty
    /// answer recorded so the photos are asked for again later.
    /// </summary>
    public sealed record Fetched(DestinationDetailRow Row, Failed? PhotosUnconfirmed = null) : DetailFetch;

    /// <summary>
    /// The service refused the request for good (<c>invalid_request</c>) or answered empty twice (<c>no_data</c>):
    /// recorded, and not asked again until the destination changes (no data: or for a while).
    /// </summary>
    public sealed record Failed(string Operation, string Outcome, string Code, string Message, long? RawResponseId) : DetailFetch;

    /// <summary>The gateway gave up after its retries: left due, tried again by a later run.</summary>
    public sealed record Transient(string Operation, string Reason) : DetailFetch;

    /// <summary>Every key is spent for an operation until <paramref name="ResumeAt"/>: the run stops cleanly.</summary>
    public sealed record WaitingForQuota(DateTimeOffset ResumeAt) : DetailFetch;

    /// <summary>An empty answer needed asking again but the day's budget had no call left for it: left for the next run.</summary>
    public sealed record OutOfBudget(string Operation) : DetailFetch;
}
