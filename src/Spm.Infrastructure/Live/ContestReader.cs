using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Spm.Domain.Contests;
using Spm.Domain.Live;
using Spm.Infrastructure.Persistence;
using StackExchange.Redis;

namespace Spm.Infrastructure.Live;

/// <summary>
/// A contest's standings: live from Redis while it runs (from PostgreSQL when Redis is unreachable), the frozen rows
/// once it ended, every contestant at zero before it starts, nothing once cancelled.
/// </summary>
public sealed partial class ContestReader(ContestDatabase database, ContestStore store, ContestSqlScores sql, TimeProvider clock, ILogger<ContestReader> logger) : IContestReader
{
    public async Task<ContestSnapshot?> ContestAsync(Guid tenantId, string contestKey, int top, CancellationToken cancellationToken)
    {
        await using var db = database.For(tenantId);
        var contest = await db.Contests.AsNoTracking().SingleOrDefaultAsync(c => c.Key == contestKey, cancellationToken);
        return contest is null ? null : await SnapshotAsync(db, contest, top, cancellationToken);
    }

    /// <summary>The snapshot of a loaded contest with its top <paramref name="top"/> standings.</summary>
    public async Task<ContestSnapshot> SnapshotAsync(SpmDbContext db, Contest contest, int top, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contest);
        var standings = await StandingsAsync(db, contest, cancellationToken);
        return new ContestSnapshot(
            contest.TenantId, contest.Key, contest.Title, ContestFormats.Name(contest.Format), contest.Status, contest.StartsAt, contest.EndsAt, contest.Goal,
            // Screens show every place with a prize: its text, or its cash when a place has no text.
            [.. Enumerable.Range(1, contest.PrizePlaces).Select(p => contest.PrizeText(p) ?? string.Empty)], [.. standings.Take(Math.Max(0, top))], clock.GetUtcNow());
    }

    /// <summary>All standings of the contest, best first.</summary>
    public async Task<IReadOnlyList<ContestStanding>> StandingsAsync(SpmDbContext db, Contest contest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contest);
        switch (contest.Status)
        {
            case ContestStatus.Ended:
                return [.. (await db.ContestResults.AsNoTracking().Where(r => r.ContestId == contest.Id).ToListAsync(cancellationToken))
                    .OrderBy(r => r.Rank).ThenBy(r => r.DisplayName, StringComparer.Ordinal).ThenBy(r => r.SubjectId)
                    .Select(r => new ContestStanding(r.Rank, r.SubjectId, r.DisplayName, r.Score, r.FinishedAt, r.OpponentId))];
            case ContestStatus.Cancelled:
                return [];
            case ContestStatus.Scheduled:
                var roster = await ContestRoster.LoadAsync(db, cancellationToken);
                return ContestScoring.Standings(contest, roster.Subjects(contest), [], roster.SubjectOf(contest), roster.NameOf);
            default:
                roster = await ContestRoster.LoadAsync(db, cancellationToken);
                IReadOnlyList<ContestScore> scores;
                try
                {
                    scores = await store.ReadAsync(contest.TenantId, contest.Id, cancellationToken);
                }
                catch (RedisException e)
                {
                    // Degraded: PostgreSQL holds the same totals and race crossings, only slower to compute.
                    LogRedisDown(logger, e, contest.Key);
                    scores = await SqlScoresAsync(db, contest, cancellationToken);
                }

                return ContestScoring.Standings(contest, roster.Subjects(contest), scores, roster.SubjectOf(contest), roster.NameOf);
        }
    }

    /// <summary>
    /// The contest window's per-participant totals recomputed from PostgreSQL and, in a race, when each reached the goal
    /// (a finisher whose total later fell below it still finished, with score 0 when nothing is left).
    /// </summary>
    public async Task<IReadOnlyList<ContestScore>> SqlScoresAsync(SpmDbContext db, Contest contest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contest);
        var (zoneName, zone) = await ContestDatabase.ZoneAsync(db, contest.TenantId, cancellationToken);
        var (from, to) = contest.WindowDates(zone);
        var totals = await sql.ScoresAsync(contest.TenantId, contest.Metric, from, to, zoneName, cancellationToken);
        var crossings = contest.Format == ContestFormat.RaceToGoal && contest.Goal is { } goal
            ? await sql.CrossingsAsync(contest.TenantId, contest.Metric, from, to, zoneName, goal, cancellationToken)
            : new Dictionary<Guid, DateTimeOffset>();
        return
        [
            .. totals.Select(t => new ContestScore(t.Key, t.Value, crossings.TryGetValue(t.Key, out var at) ? at : null)),
            .. crossings.Where(c => !totals.ContainsKey(c.Key)).Select(c => new ContestScore(c.Key, 0m, c.Value)),
        ];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis unreachable; contest {ContestKey} standings computed from PostgreSQL.")]
    private static partial void LogRedisDown(ILogger logger, Exception exception, string contestKey);
}
