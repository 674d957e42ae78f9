using Npgsql;
using NpgsqlTypes;
using WeatherFlick.Data.Bulk;

namespace WeatherFlick.Jobs.Collection.Runs;

/// <summary>
/// Collection runs and their partitions in PostgreSQL. A page's rows and the checkpoint that says they are in are
/// committed in one transaction, so a crash at any instant either keeps both or neither: a restarted run repeats at
/// most the page that was in flight, and upserts make that repeat harmless.
/// </summary>
public sealed class RunStore(NpgsqlDataSource dataSource)
{
    /// <summary>The job's unfinished run (after a crash or a quota wait), or a new one.</summary>
    public async Task<(long RunId, bool Resumed)> StartOrResumeAsync(string job, string trigger, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Serialises two starters of the same job so they cannot both create a run.
        await using (var lockJob = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('run:' || $1))", connection, transaction))
        {
            lockJob.Parameters.Add(new() { Value = job });
            await lockJob.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var find = new NpgsqlCommand(
            "SELECT id FROM collection_runs WHERE job = $1 AND status IN ('running', 'waiting_for_quota') ORDER BY id DESC LIMIT 1", connection, transaction))
        {
            find.Parameters.Add(new() { Value = job });
            if (await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long existing)
            {
                await using var resume = new NpgsqlCommand("UPDATE collection_runs SET status = 'running', resume_at = NULL WHERE id = $1", connection, transaction);
                resume.Parameters.Add(new() { Value = existing });
                await resume.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return (existing, true);
            }
        }
        await using var create = new NpgsqlCommand("INSERT INTO collection_runs (job, status, trigger) VALUES ($1, 'running', $2) RETURNING id", connection, transaction);
        create.Parameters.Add(new() { Value = job });
        create.Parameters.Add(new() { Value = trigger });
        var id = (long)(await create.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (id, false);
    }

    /// <summary>Adds the partitions a run plans (existing ones keep their checkpoints).</summary>
    public async Task PlanAsync(long runId, IReadOnlyList<string> partitions, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            WITH added AS (
                INSERT INTO run_partitions (run_id, partition_key, status) SELECT $1, p, 'pending' FROM unnest($2::text[]) AS p
                ON CONFLICT DO NOTHING
                RETURNING 1
            )
            -- The subquery sees the partitions from before this statement; the new ones are counted from the CTE.
            UPDATE collection_runs
            SET partitions_total = (SELECT count(*) FROM run_partitions WHERE run_id = $1) + (SELECT count(*) FROM added)
            WHERE id = $1
            """);
        command.Parameters.Add(new() { Value = runId });
        command.Parameters.Add(new() { Value = partitions.ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<PartitionState>> PartitionsAsync(long runId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT run_id, partition_key, status, next_page, pages_done, pages_expected, total_count, items, checkpoint::text, error
            FROM run_partitions WHERE run_id = $1 ORDER BY partition_key
            """);
        command.Parameters.Add(new() { Value = runId });
        var partitions = new List<PartitionState>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            partitions.Add(new PartitionState(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetInt32(6), reader.GetInt64(7),
                reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9)));
        }
        return partitions;
    }

    /// <summary>
    /// Upserts one page's rows and moves the partition's checkpoint, atomically. <paramref name="beforeCheckpoint"/>
    /// runs between the two inside the transaction (tests inject a failure there).
    /// </summary>
    public Task<UpsertResult> CommitPageAsync<T>(long runId, string partition, UpsertTable<T> table, IReadOnlyCollection<T> rows, PageCommit commit,
        CancellationToken cancellationToken, Func<Task>? beforeCheckpoint = null) =>
        CommitPageAsync(runId, partition, commit.NextPage, commit.PagesExpected, commit.TotalCount, rows.Count, async (connection, transaction, token) =>
            (rows.Count == 0 ? default : await table.UpsertAsync(connection, rows, transaction, token).ConfigureAwait(false), commit.Checkpoint),
            cancellationToken, beforeCheckpoint);

    /// <summary>
    /// Runs <paramref name="write"/> (the page's rows, and whatever else belongs with them) and moves the partition's
    /// checkpoint in the same transaction.
    /// </summary>
    /// <remarks><paramref name="write"/> returns its counts and, optionally, new checkpoint state (JSON) for the partition.</remarks>
    public async Task<UpsertResult> CommitPageAsync(long runId, string partition, int nextPage, int? pagesExpected, int? totalCount, int items,
        Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task<(UpsertResult Result, string? Checkpoint)>> write,
        CancellationToken cancellationToken, Func<Task>? beforeCheckpoint = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var (result, checkpointState) = await write(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (beforeCheckpoint is not null)
        {
            await beforeCheckpoint().ConfigureAwait(false);
        }
        await using (var checkpoint = new NpgsqlCommand("""
            WITH partition AS (
                UPDATE run_partitions
                SET status = 'running', next_page = $3, pages_done = pages_done + 1, pages_expected = $4, total_count = $5,
                    items = items + $6, inserted = inserted + $7, updated = updated + $8, unchanged = unchanged + $9,
                    checkpoint = COALESCE($10::jsonb, checkpoint), error = NULL, updated_at = now()
                WHERE run_id = $1 AND partition_key = $2
                RETURNING 1
            )
            UPDATE collection_runs
            SET items = items + $6, inserted = inserted + $7, updated = updated + $8, unchanged = unchanged + $9
            WHERE id = $1 AND EXISTS (SELECT 1 FROM partition)
            """, connection, transaction))
        {
            checkpoint.Parameters.Add(new() { Value = runId });
            checkpoint.Parameters.Add(new() { Value = partition });
            checkpoint.Parameters.Add(new() { Value = nextPage });
            checkpoint.Parameters.Add(new() { Value = (object?)pagesExpected ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
            checkpoint.Parameters.Add(new() { Value = (object?)totalCount ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
            checkpoint.Parameters.Add(new() { Value = (long)items });
            checkpoint.Parameters.Add(new() { Value = result.Inserted });
            checkpoint.Parameters.Add(new() { Value = result.Updated });
            checkpoint.Parameters.Add(new() { Value = result.Unchanged });
            checkpoint.Parameters.Add(new() { Value = (object?)checkpointState ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            await checkpoint.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Marks a partition done, failed (with the reason) or waiting for quota, with the paging violations it met.</summary>
    public async Task SetPartitionStatusAsync(long runId, string partition, string status, string? error, CancellationToken cancellationToken,
        IReadOnlyList<string>? violations = null, NpgsqlConnection? connection = null, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand("""
            WITH changed AS (
                UPDATE run_partitions SET status = $3, error = $4, violations = COALESCE($5, violations), updated_at = now()
                WHERE run_id = $1 AND partition_key = $2
                RETURNING partition_key
            )
            -- The subquery sees the partitions from before this statement: count the changed one by its new status.
            UPDATE collection_runs
            SET partitions_done = (SELECT count(*) FROM run_partitions
                                   WHERE run_id = $1 AND status = 'done' AND partition_key NOT IN (SELECT partition_key FROM changed))
                                + (SELECT count(*) FROM changed WHERE $3 = 'done')
            WHERE id = $1
            """);
        command.Parameters.Add(new() { Value = runId });
        command.Parameters.Add(new() { Value = partition });
        command.Parameters.Add(new() { Value = status });
        command.Parameters.Add(new() { Value = (object?)error ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)violations?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        if (connection is null)
        {
            await using var own = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            command.Connection = own;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            command.Connection = connection;
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="work"/> in a transaction of its own (e.g. a partition's completion with its status).</summary>
    public async Task InTransactionAsync(Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await work(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends a run (succeeded, failed, cancelled) or parks it until quota returns (waiting_for_quota with <paramref name="resumeAt"/>).</summary>
    public async Task FinishAsync(long runId, string status, string? error, DateTimeOffset? resumeAt, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE collection_runs
            SET status = $2, error = $3, resume_at = $4,
                finished_at = CASE WHEN $2 IN ('succeeded', 'failed', 'cancelled') THEN now() END
            WHERE id = $1
            """);
        command.Parameters.Add(new() { Value = runId });
        command.Parameters.Add(new() { Value = status });
        command.Parameters.Add(new() { Value = (object?)error ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)resumeAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
