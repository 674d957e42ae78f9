namespace WeatherFlick.Jobs.Collection.Runs;

/// <summary>The states a run and its partitions pass through, as stored.</summary>
public static class RunStatus
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string WaitingForQuota = "waiting_for_quota";
    public const string Done = "done";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
}
