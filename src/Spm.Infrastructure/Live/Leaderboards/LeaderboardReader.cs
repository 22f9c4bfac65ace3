using Npgsql;
using Spm.Domain.Live;
using StackExchange.Redis;

namespace Spm.Infrastructure.Live.Leaderboards;

/// <summary>
/// Reads boards: the current window only (never a merge of windows), top N or a subject with neighbours, dense
/// ranks, movement against the previous snapshot, entrants. From Redis; a board version Redis never built is rebuilt
/// first; with Redis unreachable the same ranking is computed from PostgreSQL and marked degraded.
/// </summary>
public sealed class LeaderboardReader(
    NpgsqlDataSource dataSource,
    LiveTenantCache tenants,
    LeaderboardStore store,
    LeaderboardRebuilder rebuilder,
    ParticipantNames names,
    TimeProvider clock) : ILeaderboardReader
{
    public async Task<LeaderboardSnapshot?> TopAsync(Guid tenantId, string boardKey, int top, CancellationToken cancellationToken)
    {
        if (await BoardAsync(tenantId, boardKey, cancellationToken) is not { } board)
        {
            return null;
        }

        var standings = await StandingsAsync(tenantId, board, null, top, cancellationToken);
        return standings is null ? null : new LeaderboardSnapshot(
            tenantId,
            board.Key,
            board.Title,
            standings.Window.Label,
            standings.Window.Start,
            standings.Window.End,
            standings.Entrants,
            standings.Entries,
            [],
            standings.AsOf,
            standings.Degraded);
    }

    /// <summary>The definition of <paramref name="boardKey"/>; null when the tenant has none.</summary>
    public async Task<LeaderboardDefinition?> BoardAsync(Guid tenantId, string boardKey, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var boards = await LeaderboardCatalog.LoadAsync(connection, tenantId, boardKey, cancellationToken);
        return boards.Count == 0 ? null : boards[0];
    }

    /// <summary>The top <paramref name="count"/> (no subject) or <paramref name="count"/> neighbours either side of <paramref name="around"/>.</summary>
    public async Task<LeaderboardStandings?> StandingsAsync(Guid tenantId, LeaderboardDefinition board, Guid? around, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(board);
        if (await tenants.GetAsync(tenantId, cancellationToken) is not { } tenant)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var window = WindowRange.Containing(board.Window, tenant.Today(now), tenant.Calendar);
        int entrants;
        IReadOnlyList<(Guid Subject, int Rank, decimal Score)> rows;
        IReadOnlyDictionary<Guid, int> previous = new Dictionary<Guid, int>();
        var degraded = false;
        try
        {
            var read = await store.ReadAsync(tenantId, board, window, around, count);
            if (!read.Built)
            {
                await rebuilder.RebuildAsync(tenantId, lockHeld: false, cancellationToken);
                read = await store.ReadAsync(tenantId, board, window, around, count);
            }

            (entrants, rows) = (read.Entrants, read.Rows);
            previous = around is null
                ? await store.SnapshotAsync(tenantId, board, window, [.. rows.Select(r => (r.Subject, r.Rank))], tenant.Zone)
                : previous;
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            degraded = true;
            (entrants, rows) = await FromPostgresAsync(tenant, board, window, around, count, cancellationToken);
        }

        var labels = await names.NamesAsync(tenantId, rows.Select(r => r.Subject), cancellationToken);
        var entries = rows.Select(r => new LeaderboardEntry(r.Rank, r.Subject, labels.GetValueOrDefault(r.Subject, string.Empty), r.Score, previous.TryGetValue(r.Subject, out var p) ? p : null)).ToList();
        return new LeaderboardStandings(board, window, entrants, entries, now, degraded);
    }

    private async Task<(int, IReadOnlyList<(Guid, int, decimal)>)> FromPostgresAsync(LiveTenant tenant, LeaderboardDefinition board, WindowRange window, Guid? around, int count, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var scores = await LeaderboardSql.ScoresAsync(connection, tenant, board, window, long.MaxValue, cancellationToken);
        // Redis orders ties by member, highest first; the same here so both paths list ties alike.
        var ordered = scores.OrderByDescending(s => s.Value).ThenByDescending(s => s.Key.ToString("N"), StringComparer.Ordinal).ToList();
        var ranked = new List<(Guid, int, decimal)>(ordered.Count);
        var rank = 0;
        decimal? last = null;
        foreach (var (subject, score) in ordered)
        {
            if (last != score)
            {
                rank++;
                last = score;
            }

            ranked.Add((subject, rank, score));
        }

        if (around is null)
        {
            return (ranked.Count, ranked.Take(count).ToList());
        }

        var at = ranked.FindIndex(r => r.Item1 == around.Value);
        if (at < 0)
        {
            return (ranked.Count, []);
        }

        var start = Math.Max(0, at - count);
        return (ranked.Count, ranked.GetRange(start, Math.Min(ranked.Count, at + count + 1) - start));
    }
}
