using Npgsql;
using Spm.Domain.Live;

namespace Spm.Infrastructure.Live.Leaderboards;

/// <summary>
/// The leaderboards as an outbox projection: a batch becomes one Lua call that applies every event's fan-out
/// (<see cref="LeaderboardFanOut"/>) and records the event ids, so a re-delivered event counts once. When Redis has
/// lost the tenant (epoch missing) it rebuilds from PostgreSQL first; the dispatcher holds the tenant's lock here.
/// </summary>
public sealed class LeaderboardProjection(NpgsqlDataSource dataSource, LiveTenantCache tenants, LeaderboardStore store, LeaderboardRebuilder rebuilder, TimeProvider clock) : IOutboxProjection
{
    public string Name => "leaderboards";

    public async Task<IReadOnlyList<BoardChange>> ApplyAsync(Guid tenantId, IReadOnlyList<OutboxEnvelope> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        IReadOnlyList<LeaderboardDefinition> boards;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            boards = await LeaderboardCatalog.LoadAsync(connection, tenantId, null, cancellationToken);
        }

        if (boards.Count == 0 || await tenants.GetAsync(tenantId, cancellationToken) is not { } tenant)
        {
            return [];
        }

        var events = batch.Select(e => (e.Event.EventId, e.Position, LeaderboardFanOut.Of(e.Event, boards, tenant))).ToList();
        if (events.All(e => e.Item3.Count == 0))
        {
            return [];
        }

        if (await store.ApplyAsync(tenantId, events, tenant.Zone) < 0)
        {
            // Redis lost the tenant's boards: rebuild to the cursor, then this batch goes on top.
            await rebuilder.RebuildAsync(tenantId, lockHeld: true, cancellationToken);
            if (await store.ApplyAsync(tenantId, events, tenant.Zone) < 0)
            {
                throw new InvalidOperationException("Leaderboard epoch missing right after a rebuild.");
            }
        }

        // Screens show current windows: only those moves are pushed.
        var today = tenant.Today(clock.GetUtcNow());
        var current = boards.ToDictionary(b => b.Id, b => WindowRange.Containing(b.Window, today, tenant.Calendar).Start);
        return [.. events.SelectMany(e => e.Item3)
            .Where(op => op.Window.Start == current[op.Board.Id])
            .GroupBy(op => op.Board.Key)
            .Select(g => new BoardChange(tenantId, g.Key, BoardKind.Leaderboard, [.. g.Select(op => op.Subject).Distinct()]))];
    }
}
