namespace WeatherFlick.Jobs.Catalog;

/// <summary>How a job was started and where it reports progress.</summary>
public sealed record JobContext(string Trigger, IProgress<JobProgress> Progress)
{
    public static JobContext Silent(string trigger) => new(trigger, new Progress<JobProgress>());
}
