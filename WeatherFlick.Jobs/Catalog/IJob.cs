namespace WeatherFlick.Jobs.Catalog;

/// <summary>
/// A unit of work the job server schedules and the command line runs: a plain class that tests can call too.
/// Its <see cref="Name"/> is what operators type (<c>run tourism-full</c>).
/// </summary>
public interface IJob
{
    string Name { get; }

    string Description { get; }

    Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken);
}
