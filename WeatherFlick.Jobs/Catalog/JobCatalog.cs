using Npgsql;

namespace WeatherFlick.Jobs.Catalog;

/// <summary>
/// Every job this server knows, by name, and the one way to run one: a job runs at most once at a time across all
/// job-server instances (a session advisory lock, released by PostgreSQL even when the process dies), so a second
/// start while it runs is skipped instead of paging the same partitions twice.
/// </summary>
public sealed class JobCatalog(IEnumerable<IJob> jobs, NpgsqlDataSource dataSource)
{
    /// <summary>
    /// The advisory-lock namespace of running jobs (the second key is <c>hashtext(job name)</c>). A run recorded as
    /// running whose lock nobody holds was left behind by a process that died.
    /// </summary>
    public const int RunningJobLocks = 0x57464A42; // "WFJB"

    /// <summary>
    /// A SQL condition, true while some session of this database runs the job named by <paramref name="jobExpression"/>:
    /// the lock <see cref="RunAsync"/> takes, as <c>pg_locks</c> shows a two-key advisory lock.
    /// </summary>
    public static string RunningSql(string jobExpression) => $"""
        EXISTS (SELECT 1 FROM pg_locks l
                WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
                  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND l.classid = {RunningJobLocks}::oid AND l.objid = hashtext({jobExpression})::oid)
        """;

    private readonly Dictionary<string, IJob> _jobs = jobs.ToDictionary(j => j.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<IJob> All => _jobs.Values;

    public IJob? Find(string name) => _jobs.GetValueOrDefault(name);

    /// <summary>Runs <paramref name="job"/> unless it is already running somewhere (then: <see cref="JobResult.AlreadyRunning"/>).</summary>
    public async Task<JobResult> RunAsync(IJob job, JobContext context, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (!await LockAsync(connection, "SELECT pg_try_advisory_lock($1, hashtext($2))", job.Name, cancellationToken).ConfigureAwait(false))
        {
            return new JobResult(JobResult.AlreadyRunning, null, new Dictionary<string, long>(), $"{job.Name} is already running (on this or another job-server instance)");
        }
        try
        {
            return await job.RunAsync(context, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await LockAsync(connection, "SELECT pg_advisory_unlock($1, hashtext($2))", job.Name, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task<bool> LockAsync(NpgsqlConnection connection, string sql, string job, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new() { Value = RunningJobLocks });
        command.Parameters.Add(new() { Value = job });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
