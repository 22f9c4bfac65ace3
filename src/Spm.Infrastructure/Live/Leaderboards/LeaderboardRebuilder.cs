using System.Data;
using System.Text.Json;
using Npgsql;
using Spm.Domain.Events;
using Spm.Infrastructure.Outbox;

namespace Spm.Infrastructure.Live.Leaderboards;

/// <summary>
/// Rebuilds a tenant's boards in Redis from PostgreSQL: the current and the next window of every board (the next so
/// a rollover at midnight finds deals dated ahead). Exact against the dispatcher: it holds the tenant's dispatcher
/// lock, reads the tables and the cursor in one snapshot, and takes out what events after the cursor added to the
/// tables (the dispatcher applies those on top next). Used on demand (admin mutation, a new or changed board) and
/// automatically when Redis lost the tenant's data.
/// </summary>
public sealed class LeaderboardRebuilder(NpgsqlDataSource dataSource, LeaderboardStore store, LiveTenantCache tenants, TimeProvider clock)
{
    /// <summary>Rebuilds every board of the tenant; returns how many. <paramref name="lockHeld"/>: the caller (the dispatcher) holds the lock.</summary>
    public async Task<int> RebuildAsync(Guid tenantId, bool lockHeld, CancellationToken cancellationToken)
    {
        await using var lockConnection = lockHeld ? null : await dataSource.OpenConnectionAsync(cancellationToken);
        await using var lockTransaction = lockConnection is null ? null : await lockConnection.BeginTransactionAsync(cancellationToken);
        if (lockConnection is not null)
        {
            await using var wait = new NpgsqlCommand(OutboxDispatcher.WaitLockSql, lockConnection, lockTransaction) { Parameters = { new() { Value = tenantId } } };
            await wait.ExecuteNonQueryAsync(cancellationToken);
        }

        // A second connection for the snapshot: it must start after the lock is granted, or it could predate
        // the last batch the dispatcher committed.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var tenant = await LiveTenantCache.LoadAsync(connection, tenantId, cancellationToken);
        if (tenant is null)
        {
            return 0;
        }

        var boards = await LeaderboardCatalog.LoadAsync(connection, tenantId, null, cancellationToken);
        long cursor;
        await using (var read = new NpgsqlCommand($"SELECT {OutboxDispatcher.CursorSql}", connection, snapshot) { Parameters = { new() { Value = tenantId } } })
        {
            cursor = (long)(await read.ExecuteScalarAsync(cancellationToken))!;
        }

        var today = tenant.Today(clock.GetUtcNow());
        var content = new List<(LeaderboardDefinition, WindowRange, IReadOnlyDictionary<Guid, decimal>)>();
        var windows = new Dictionary<(Guid, DateOnly), Dictionary<Guid, decimal>>();
        foreach (var board in boards)
        {
            var current = WindowRange.Containing(board.Window, today, tenant.Calendar);
            foreach (var window in new[] { current, current.Next(board.Window, tenant.Calendar) })
            {
                var scores = await LeaderboardSql.ScoresAsync(connection, tenant, board, window, cursor, cancellationToken);
                windows[(board.Id, window.Start)] = scores;
                content.Add((board, window, scores));
            }
        }

        // Events after the cursor are already in the tables but not yet applied: take them out again.
        await using (var pending = new NpgsqlCommand("SELECT type, payload::text FROM outbox WHERE tenant_id = $1 AND position > $2 ORDER BY position", connection, snapshot)
        { Parameters = { new() { Value = tenantId }, new() { Value = cursor } } })
        await using (var reader = await pending.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!EventCatalog.Types.TryGetValue(reader.GetString(0), out var type) || JsonSerializer.Deserialize(reader.GetString(1), type, OutboxWriter.Json) is not IOutboxEvent outboxEvent)
                {
                    continue;
                }

                foreach (var op in LeaderboardFanOut.Of(outboxEvent, boards, tenant))
                {
                    if (!op.Absolute && windows.TryGetValue((op.Board.Id, op.Window.Start), out var scores))
                    {
                        scores[op.Subject] = scores.GetValueOrDefault(op.Subject) - op.Value;
                    }
                }
            }
        }

        await snapshot.CommitAsync(cancellationToken);
        await store.WriteRebuildAsync(tenantId, boards, content, cursor, tenant.Zone);
        tenants.Forget(tenantId);
        if (lockTransaction is not null)
        {
            await lockTransaction.CommitAsync(cancellationToken);
        }

        return boards.Count;
    }
}
