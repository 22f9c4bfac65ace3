using Npgsql;

namespace Spm.Infrastructure.Compensation;

/// <summary>
/// Who computes a calculation run, and for how long. A worker claims a run by taking its lease (owner + expiry, by
/// the database's clock so every node agrees), renews it while it computes, and completes the run only while it
/// still holds it. A node that dies stops renewing: once the lease runs out any node's worker takes the run over and
/// computes it again from scratch. Plain SQL across tenants: the worker is a system process, not a caller.
/// </summary>
public static class CalculationRunLeases
{
    /// <summary>A run this node now holds.</summary>
    /// <param name="Attempt">1 for the first claim, more when an earlier holder died or failed on a transient error.</param>
    public sealed record Claim(Guid TenantId, Guid RunId, int Attempt);

    /// <summary>How a node holds runs.</summary>
    /// <param name="Owner">This node's name in <c>lease_owner</c>; unique per process.</param>
    /// <param name="Duration">How long a claim or renewal holds the run; the holder renews at a third of it.</param>
    /// <param name="MaxAttempts">Claims after which a run that still has not finished ends FAILED.</param>
    public sealed record Policy(string Owner, TimeSpan Duration, int MaxAttempts)
    {
        /// <summary>A lease name unique to this process (machine, process id and a random part).</summary>
        public static string NewOwner()
        {
            var name = $"{Environment.ProcessId}:{Guid.NewGuid():N}@{Environment.MachineName}";
            return name.Length > 200 ? name[..200] : name;
        }
    }

    /// <summary>
    /// Claims the oldest run nobody holds (QUEUED, or RUNNING with an expired lease), or only <paramref name="runId"/>
    /// when given. A RUNNING run taken over restarts from scratch: whatever results it has are deleted in the claiming
    /// transaction (results are written with COMPLETED, so there should be none, but a run's results come from one
    /// computation only). A run already claimed <see cref="Policy.MaxAttempts"/> times ends FAILED instead, and the
    /// search goes on. Null when there is nothing to claim.
    /// </summary>
    public static async Task<Claim?> TryClaimAsync(NpgsqlDataSource dataSource, Policy policy, Guid? runId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(policy);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            Guid id, tenant;
            string status;
            int attempts;
            // SKIP LOCKED: two nodes polling at once each get a different run (or none), never wait for each other.
            var pick = $"""
                SELECT id, tenant_id, status, attempts FROM calculation_runs
                WHERE (status = 'Queued' OR (status = 'Running' AND (lease_expires_at IS NULL OR lease_expires_at < now())))
                {(runId is null ? string.Empty : "AND id = $1")}
                ORDER BY created_at, id
                LIMIT 1
                FOR UPDATE SKIP LOCKED
                """;
            await using (var command = new NpgsqlCommand(pick, connection, transaction))
            {
                if (runId is { } wanted)
                {
                    command.Parameters.Add(new() { Value = wanted });
                }

                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                if (!await reader.ReadAsync(cancellationToken))
                {
                    return null;
                }

                (id, tenant, status, attempts) = (reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt32(3));
            }

            if (status == "Running" && attempts >= policy.MaxAttempts)
            {
                // The last holder died too: stop trying, visibly.
                await using (var fail = new NpgsqlCommand(
                    "UPDATE calculation_runs SET status = 'Failed', finished_at = $2, lease_owner = NULL, lease_expires_at = NULL, error = $3 WHERE id = $1", connection, transaction))
                {
                    fail.Parameters.Add(new() { Value = id });
                    fail.Parameters.Add(new() { Value = now });
                    fail.Parameters.Add(new() { Value = $"RUN_ABANDONED: the node computing this run stopped responding {attempts} times (lease expired); it is not tried again. Start a new run." });
                    await fail.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                if (runId is not null)
                {
                    return null;
                }

                continue;
            }

            foreach (var table in (string[])["calculation_lines", "calculation_results"])
            {
                await using var clear = new NpgsqlCommand($"DELETE FROM {table} WHERE run_id = $1", connection, transaction);
                clear.Parameters.Add(new() { Value = id });
                await clear.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var take = new NpgsqlCommand(
                """
                UPDATE calculation_runs SET status = 'Running', lease_owner = $2, lease_expires_at = now() + $3, attempts = attempts + 1,
                       started_at = $4, finished_at = NULL, participants_done = 0
                WHERE id = $1
                """, connection, transaction))
            {
                take.Parameters.Add(new() { Value = id });
                take.Parameters.Add(new() { Value = policy.Owner });
                take.Parameters.Add(new() { Value = policy.Duration });
                take.Parameters.Add(new() { Value = now });
                await take.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return new Claim(tenant, id, attempts + 1);
        }
    }

    /// <summary>Extends the lease; false when this node no longer holds the run (it expired and another node took it).</summary>
    public static async Task<bool> RenewAsync(NpgsqlDataSource dataSource, Policy policy, Guid runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(policy);
        await using var command = dataSource.CreateCommand(
            "UPDATE calculation_runs SET lease_expires_at = now() + $3 WHERE id = $1 AND status = 'Running' AND lease_owner = $2");
        command.Parameters.Add(new() { Value = runId });
        command.Parameters.Add(new() { Value = policy.Owner });
        command.Parameters.Add(new() { Value = policy.Duration });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Gives a held run back. <paramref name="retry"/>: QUEUED again for any node (a transient failure, or this node
    /// shutting down: then the claim does not count as an attempt); otherwise, or when the attempts are used up, FAILED
    /// with <paramref name="error"/>. Does nothing when the lease is no longer this node's.
    /// </summary>
    public static async Task ReleaseAsync(NpgsqlDataSource dataSource, Policy policy, Guid runId, bool retry, bool countAttempt, string? error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(policy);
        await using var command = dataSource.CreateCommand(
            """
            UPDATE calculation_runs SET
                status = CASE WHEN $3 AND attempts < $4 THEN 'Queued' ELSE 'Failed' END,
                finished_at = CASE WHEN $3 AND attempts < $4 THEN NULL ELSE $6 END,
                error = CASE WHEN $3 AND attempts < $4 THEN $5
                             WHEN $3 THEN 'RUN_ATTEMPTS_EXHAUSTED: failed ' || attempts || ' times; last error: ' || coalesce($5, '')
                             ELSE $5 END,
                attempts = CASE WHEN $7 THEN attempts ELSE attempts - 1 END,
                participants_done = 0, lease_owner = NULL, lease_expires_at = NULL
            WHERE id = $1 AND status = 'Running' AND lease_owner = $2
            """);
        command.Parameters.Add(new() { Value = runId });
        command.Parameters.Add(new() { Value = policy.Owner });
        command.Parameters.Add(new() { Value = retry });
        // A shutdown gives the attempt back, so it may always be retried.
        command.Parameters.Add(new() { Value = countAttempt ? policy.MaxAttempts : int.MaxValue });
        command.Parameters.Add(new() { Value = (object?)Truncate(error) ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Varchar });
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = countAttempt });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The stored error text is at most 2,000 characters.</summary>
    public static string? Truncate(string? message) => message is { Length: > 1900 } ? message[..1900] : message;
}
