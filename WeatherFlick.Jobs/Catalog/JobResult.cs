namespace WeatherFlick.Jobs.Catalog;

/// <summary>
/// How a job ended: succeeded, waiting for quota (resumable at <see cref="ResumeAt"/>, not a failure), failed, or not
/// started because it was already running,
/// with its counts (items, inserted, updated, unchanged, and job-specific ones such as removed or violations).
/// </summary>
public sealed record JobResult(string Status, long? RunId, IReadOnlyDictionary<string, long> Counts, string? Error = null, DateTimeOffset? ResumeAt = null)
{
    public const string Succeeded = "succeeded";
    public const string WaitingForQuota = "waiting_for_quota";
    public const string Failed = "failed";

    /// <summary>Not run: the same job is running on this or another instance.</summary>
    public const string AlreadyRunning = "already_running";

    public bool IsSuccess => Status == Succeeded;
}
