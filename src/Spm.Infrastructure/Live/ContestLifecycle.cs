using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Spm.Domain.Contests;
using Spm.Domain.Events;
using Spm.Domain.Live;
using Spm.Infrastructure.Outbox;
using Spm.Infrastructure.Persistence;
using StackExchange.Redis;

namespace Spm.Infrastructure.Live;

/// <summary>
/// Starts and ends contests when they are due, exactly once across API nodes: each transition locks the contest row
/// with <c>FOR UPDATE SKIP LOCKED</c> and re-checks its status, so a second node skips a contest another is handling
/// and finds it already moved afterwards. The final standings are recomputed from PostgreSQL (the truth; Redis may lag
/// the outbox or have lost data) and compared with Redis, whose race finishing order is kept.
/// </summary>
public sealed partial class ContestLifecycle(
    ContestDatabase database,
    ContestStore store,
    ContestReader reader,
    ContestSqlScores sql,
    TimeProvider clock,
    IEnumerable<ILiveNotifier> notifiers,
    ILogger<ContestLifecycle> logger)
{
    /// <summary>Starts and ends every contest due now; returns how many transitions this node made.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<(Guid Id, Guid TenantId)> due;
        await using (var scan = database.For(null))
        {
            due = [.. (await scan.Contests.IgnoreQueryFilters().AsNoTracking()
                .Where(c => (c.Status == ContestStatus.Scheduled && c.StartsAt <= now) || (c.Status == ContestStatus.Running && c.EndsAt <= now))
                .OrderBy(c => c.StartsAt)
                .Select(c => new { c.Id, c.TenantId })
                .Take(100)
                .ToListAsync(cancellationToken)).Select(c => (c.Id, c.TenantId))];
        }

        var moves = 0;
        foreach (var (id, tenantId) in due)
        {
            moves += await StartAsync(tenantId, id, now, cancellationToken) ? 1 : 0;
            moves += await EndAsync(tenantId, id, now, cancellationToken) ? 1 : 0;
        }

        return moves;
    }

    /// <summary>Recomputes a running contest's live scores from PostgreSQL (after Redis lost data, or on an admin's request).</summary>
    public async Task RebuildAsync(Guid tenantId, Guid contestId, CancellationToken cancellationToken)
    {
        await using var db = database.For(tenantId);
        var contest = await db.Contests.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contestId && c.Status == ContestStatus.Running, cancellationToken);
        if (contest is not null)
        {
            await store.RebuildAsync(tenantId, contest, await reader.SqlScoresAsync(db, contest, cancellationToken), clock.GetUtcNow(), cancellationToken);
        }
    }

    private static async Task<Contest?> LockAsync(SpmDbContext db, Guid id, ContestStatus status, CancellationToken cancellationToken) =>
        (await db.Contests.FromSql($"SELECT * FROM contests WHERE id = {id} AND status = {status.ToString()} FOR UPDATE SKIP LOCKED")
            .IgnoreQueryFilters()
            .ToListAsync(cancellationToken)).FirstOrDefault();

    private async Task<bool> StartAsync(Guid tenantId, Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = database.For(tenantId);
        Contest contest;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (await LockAsync(db, id, ContestStatus.Scheduled, cancellationToken) is not { } locked || locked.StartsAt > now)
            {
                return false;
            }

            contest = locked;
            var baselines = new Dictionary<Guid, decimal>();
            if (contest.Format == ContestFormat.MostImproved)
            {
                var roster = await ContestRoster.LoadAsync(db, cancellationToken);
                var (zoneName, _) = await ContestDatabase.ZoneAsync(db, tenantId, cancellationToken);
                var subjects = roster.Subjects(contest).ToHashSet();
                foreach (var (participant, score) in await sql.ScoresAsync(tenantId, contest.Metric, contest.BaselineStart!.Value, contest.BaselineEnd!.Value, zoneName, cancellationToken))
                {
                    if (subjects.Contains(participant))
                    {
                        baselines[participant] = score;
                    }
                }
            }

            contest.Start(now, baselines);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        LogTransition(logger, contest.Key, tenantId, "started");
        try
        {
            // Contributions dated in the window may predate the start (back-dated credits, a start mid-day).
            await store.RebuildAsync(tenantId, contest, await reader.SqlScoresAsync(db, contest, cancellationToken), now, cancellationToken);
        }
        catch (RedisException e)
        {
            LogRebuildFailed(logger, e, contest.Key);
        }

        await NotifyAsync(db, contest, cancellationToken);
        return true;
    }

    private async Task<bool> EndAsync(Guid tenantId, Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = database.For(tenantId);
        Contest contest;
        int awarded;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (await LockAsync(db, id, ContestStatus.Running, cancellationToken) is not { } locked || locked.EndsAt > now)
            {
                return false;
            }

            contest = locked;
            var roster = await ContestRoster.LoadAsync(db, cancellationToken);
            var sqlScores = await reader.SqlScoresAsync(db, contest, cancellationToken);
            var truth = sqlScores.ToDictionary(s => s.ParticipantId, s => s.Score);
            IReadOnlyList<ContestScore> live = [];
            try
            {
                live = await store.ReadAsync(tenantId, contest.Id, cancellationToken);
            }
            catch (RedisException e)
            {
                LogRebuildFailed(logger, e, contest.Key);
            }

            var mismatches = truth.Keys.Union(live.Select(l => l.ParticipantId))
                .Count(p => truth.GetValueOrDefault(p) != (live.FirstOrDefault(l => l.ParticipantId == p)?.Score ?? 0m));
            if (mismatches > 0 && contest.Metric != LiveMetric.AttainmentPercent)
            {
                LogMismatch(logger, contest.Key, mismatches);
            }

            // Attainment is absolute and has no range sum in PostgreSQL: its live values are the result.
            // Finishing times as the live path recorded them; where Redis lost them, the crossings PostgreSQL gives.
            var finishes = sqlScores.Where(s => s.FinishedAt is not null).ToDictionary(s => s.ParticipantId, s => s.FinishedAt);
            foreach (var finisher in live.Where(l => l.FinishedAt is not null))
            {
                finishes[finisher.ParticipantId] = finisher.FinishedAt;
            }

            IEnumerable<ContestScore> scores = contest.Metric == LiveMetric.AttainmentPercent
                ? live
                : truth.Select(t => new ContestScore(t.Key, t.Value, finishes.GetValueOrDefault(t.Key)))
                    .Concat(finishes.Keys.Where(p => !truth.ContainsKey(p)).Select(p => new ContestScore(p, 0m, finishes[p])));
            var standings = ContestScoring.Standings(contest, roster.Subjects(contest), scores, roster.SubjectOf(contest), roster.NameOf);
            var winners = ContestScoring.Winners(contest, standings);
            var prizeOf = winners.GroupBy(w => w.SubjectId).ToDictionary(g => g.Key, g => g.First().Prize);
            db.ContestResults.AddRange(standings.Select(s => new ContestResult(tenantId, contest.Id, s.Rank, s.SubjectId, s.DisplayName, s.Score, s.FinishedAt, s.OpponentId, prizeOf.GetValueOrDefault(s.SubjectId))));
            contest.End(now);
            // Cash prizes become awards on the winners' statements in the same transaction as the frozen standings.
            var (_, zone) = await ContestDatabase.ZoneAsync(db, tenantId, cancellationToken);
            (awarded, var skipped) = await ContestPrizeAwards.AddAsync(db, contest, standings, zone, now, cancellationToken);
            if (skipped is not null)
            {
                LogPrizesSkipped(logger, contest.Key, tenantId, skipped);
            }

            var ended = new ContestEnded(Guid.CreateVersion7(now), tenantId, now, contest.Id, contest.Key, contest.Title, ContestFormats.Name(contest.Format), contest.Hidden, winners);
            db.Outbox.Add(new OutboxMessage { TenantId = tenantId, Type = ended.Type, Payload = OutboxWriter.Serialise(ended), CreatedAt = now });
            await db.SaveChangesAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify('spm_outbox', {tenantId.ToString()})", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        LogTransition(logger, contest.Key, tenantId, "ended");
        if (awarded > 0)
        {
            LogPrizesAwarded(logger, contest.Key, tenantId, awarded);
        }

        await NotifyAsync(db, contest, cancellationToken);
        return true;
    }

    /// <summary>Tells screens; a hidden (test) contest is never pushed.</summary>
    public async Task NotifyAsync(SpmDbContext db, Contest contest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contest);
        if (contest.Hidden)
        {
            return;
        }

        var snapshot = await reader.SnapshotAsync(db, contest, 10, cancellationToken);
        foreach (var notifier in notifiers)
        {
            await notifier.ContestStatusChangedAsync(snapshot, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Contest {ContestKey} of tenant {TenantId} {Transition}.")]
    private static partial void LogTransition(ILogger logger, string contestKey, Guid tenantId, string transition);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis unreachable for contest {ContestKey}; PostgreSQL totals used.")]
    private static partial void LogRebuildFailed(ILogger logger, Exception exception, string contestKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Contest {ContestKey} of tenant {TenantId}: {Count} cash prize awards written.")]
    private static partial void LogPrizesAwarded(ILogger logger, string contestKey, Guid tenantId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Contest {ContestKey} of tenant {TenantId}: cash prizes not paid ({Reason}).")]
    private static partial void LogPrizesSkipped(ILogger logger, string contestKey, Guid tenantId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Contest {ContestKey}: {Count} live scores differed from PostgreSQL at the end; the PostgreSQL totals were frozen.")]
    private static partial void LogMismatch(ILogger logger, string contestKey, int count);
}
