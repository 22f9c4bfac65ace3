using System.Collections.Concurrent;
using Spm.Domain.Live;
using Spm.Infrastructure.Live;

namespace Spm.Api.Tests.Live;

/// <summary>
/// Boards and contests the hub tests set by hand, standing in for the Redis projections (whose own tests check them):
/// these tests are about who receives what, not about how scores are computed.
/// </summary>
public sealed class HubTestBoards : ILeaderboardReader, IContestReader
{
    private readonly ConcurrentDictionary<(Guid, string), LeaderboardSnapshot> boards = new();
    private readonly ConcurrentDictionary<(Guid, string), ContestSnapshot> contests = new();

    public void Set(LeaderboardSnapshot snapshot) => boards[(snapshot.TenantId, snapshot.BoardKey)] = snapshot;

    public void Set(ContestSnapshot snapshot) => contests[(snapshot.TenantId, snapshot.ContestKey)] = snapshot;

    public Task<LeaderboardSnapshot?> TopAsync(Guid tenantId, string boardKey, int top, CancellationToken cancellationToken) =>
        Task.FromResult(boards.TryGetValue((tenantId, boardKey), out var s) ? s with { Top = [.. s.Top.Take(top)] } : null);

    public Task<ContestSnapshot?> ContestAsync(Guid tenantId, string contestKey, int top, CancellationToken cancellationToken) =>
        Task.FromResult(contests.TryGetValue((tenantId, contestKey), out var s) ? s : null);

    /// <summary>A board of <paramref name="scores"/> (subject, score), ranked densely by score.</summary>
    public static LeaderboardSnapshot Board(Guid tenantId, string key, params (Guid Subject, decimal Score)[] scores)
    {
        var ordered = scores.OrderByDescending(s => s.Score).ToList();
        var entries = new List<LeaderboardEntry>();
        var rank = 0;
        decimal? last = null;
        foreach (var (subject, score) in ordered)
        {
            if (score != last)
            {
                rank++;
                last = score;
            }

            entries.Add(new LeaderboardEntry(rank, subject, "Subject " + subject.ToString("N")[..6], score, null));
        }

        return new LeaderboardSnapshot(tenantId, key, "Revenue this month", "November 2026", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), entries.Count, entries, [], DateTimeOffset.UtcNow, false);
    }

    public static ContestSnapshot Contest(Guid tenantId, string key, ContestStatus status) =>
        new(tenantId, key, "November sprint", "TOP_N", status, new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 18, 0, 0, TimeSpan.Zero),
            null, ["A weekend away"], [new ContestStanding(1, Guid.NewGuid(), "Rep 01", 1250.50m, null, null)], DateTimeOffset.UtcNow);
}
