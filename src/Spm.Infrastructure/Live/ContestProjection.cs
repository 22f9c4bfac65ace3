using Microsoft.EntityFrameworkCore;
using Spm.Domain.Contests;
using Spm.Domain.Live;

namespace Spm.Infrastructure.Live;

/// <summary>
/// Applies outbox events to every RUNNING contest of the tenant whose metric and window they fall in, through
/// <see cref="MetricContributions"/> (so a deal counts in a contest exactly as on a leaderboard). Events that occurred
/// before the contest started are left out: the start recomputed the window from PostgreSQL, which already holds them.
/// Idempotent per (contest, event id) in Redis. Hidden (test) contests are scored but reported to nobody, so they never
/// reach a screen.
/// </summary>
public sealed class ContestProjection(ContestDatabase database, ContestStore store) : IOutboxProjection
{
    public string Name => "contests";

    public async Task<IReadOnlyList<BoardChange>> ApplyAsync(Guid tenantId, IReadOnlyList<OutboxEnvelope> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return [];
        }

        await using var db = database.For(tenantId);
        var contests = await db.Contests.AsNoTracking().Where(c => c.Status == ContestStatus.Running).ToListAsync(cancellationToken);
        if (contests.Count == 0)
        {
            return [];
        }

        var (_, zone) = await ContestDatabase.ZoneAsync(db, tenantId, cancellationToken);
        var applies = new List<(Contest Contest, Task<bool> Counted, IReadOnlyList<Guid> Participants)>();
        foreach (var envelope in batch)
        {
            var contributions = MetricContributions.From(envelope.Event, zone);
            if (contributions.Count == 0)
            {
                continue;
            }

            foreach (var contest in contests.Where(c => c.StartedAt is null || envelope.Event.OccurredAt >= c.StartedAt))
            {
                var relevant = contributions.Where(x => ContestScoring.Applies(contest, x, zone)).ToList();
                if (relevant.Count == 0)
                {
                    continue;
                }

                // One event may credit a participant on several posting dates: net them, one value per participant.
                var absolute = relevant.Any(x => x.IsAbsolute);
                var values = relevant.GroupBy(x => x.ParticipantId)
                    .Select(g => (g.Key, absolute ? g.Last().Value : g.Sum(x => x.Value)))
                    .ToList();
                // Issued without awaiting: the multiplexer pipelines them in this order, which keeps a race's finishing
                // order in outbox order.
                applies.Add((contest, store.ApplyAsync(tenantId, contest, envelope.Event.EventId, envelope.Event.OccurredAt, absolute, values, cancellationToken), [.. values.Select(v => v.Key)]));
            }
        }

        await Task.WhenAll(applies.Select(a => a.Counted));
        return [.. applies
            .Where(a => a.Counted.Result && !a.Contest.Hidden)
            .GroupBy(a => a.Contest.Id)
            .Select(g => new BoardChange(tenantId, g.First().Contest.Key, BoardKind.Contest, [.. g.SelectMany(a => a.Participants).Distinct()]))];
    }
}
