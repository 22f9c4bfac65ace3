using System.Globalization;
using Spm.Domain.Contests;
using StackExchange.Redis;

namespace Spm.Infrastructure.Live;

/// <summary>
/// A running contest's live scores in Redis: applied idempotently per event, read whole (contests are small enough to
/// rank in memory with <see cref="ContestScoring"/>), replaced by a recomputation on rebuild. Keys expire a week after
/// the contest ends; by then the final standings are frozen in PostgreSQL.
/// </summary>
public sealed class ContestStore(IConnectionMultiplexer redis, ContestKeys keys, TimeProvider clock)
{
    private static readonly TimeSpan KeepAfterEnd = TimeSpan.FromDays(7);

    public ContestKeys Keys => keys;

    /// <summary>
    /// Adds (or, when <paramref name="absolute"/>, sets) each participant's value, and records race finishers, unless
    /// <paramref name="eventId"/> was applied before. Returns whether it counted.
    /// </summary>
    public async Task<bool> ApplyAsync(Guid tenantId, Contest contest, Guid eventId, DateTimeOffset occurredAt, bool absolute, IReadOnlyList<(Guid ParticipantId, decimal Value)> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contest);
        ArgumentNullException.ThrowIfNull(values);
        cancellationToken.ThrowIfCancellationRequested();
        var args = new List<RedisValue>
        {
            eventId.ToString(),
            contest.Format == ContestFormat.RaceToGoal && contest.Goal is { } goal ? goal.ToString(CultureInfo.InvariantCulture) : string.Empty,
            occurredAt.ToUnixTimeMilliseconds(),
            absolute ? "1" : "0",
            Expiry(contest),
        };
        foreach (var (participant, value) in values)
        {
            args.Add(participant.ToString());
            args.Add(value.ToString(CultureInfo.InvariantCulture));
        }

        var result = await redis.GetDatabase().ScriptEvaluateAsync(ContestScripts.ApplySource, KeysOf(tenantId, contest.Id, applied: true), [.. args]);
        return (long)result == 1;
    }

    /// <summary>Every participant's raw score and, in a race, when they reached the goal.</summary>
    public async Task<IReadOnlyList<ContestScore>> ReadAsync(Guid tenantId, Guid contestId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var db = redis.GetDatabase();
        var scoresTask = db.SortedSetRangeByRankWithScoresAsync(keys.Scores(tenantId, contestId));
        var finishedTask = db.HashGetAllAsync(keys.FinishTimes(tenantId, contestId));
        var scores = await scoresTask;
        var finished = (await finishedTask).ToDictionary(e => Guid.Parse(e.Name.ToString()), e => DateTimeOffset.FromUnixTimeMilliseconds((long)e.Value));
        var result = scores
            .Select(s => Guid.Parse(s.Element.ToString()))
            .Zip(scores, (id, s) => new ContestScore(id, ToDecimal(s.Score), finished.TryGetValue(id, out var at) ? at : null))
            .ToList();
        // A finisher whose score later dropped out of the set (a cancellation to zero) still finished.
        result.AddRange(finished.Where(f => result.All(r => r.ParticipantId != f.Key)).Select(f => new ContestScore(f.Key, 0m, f.Value)));
        return result;
    }

    /// <summary>
    /// Replaces the live scores with <paramref name="scores"/> (recomputed from PostgreSQL). Recorded finishers keep
    /// their place; in a race, contestants who reached the goal without a recorded finish are added in the order they
    /// crossed it (<see cref="ContestScore.FinishedAt"/>, else <paramref name="now"/>).
    /// </summary>
    public async Task RebuildAsync(Guid tenantId, Contest contest, IReadOnlyList<ContestScore> scores, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contest);
        ArgumentNullException.ThrowIfNull(scores);
        cancellationToken.ThrowIfCancellationRequested();
        var args = new List<RedisValue>
        {
            contest.Format == ContestFormat.RaceToGoal && contest.Goal is { } goal ? goal.ToString(CultureInfo.InvariantCulture) : string.Empty,
            now.ToUnixTimeMilliseconds(),
            Expiry(contest),
        };
        foreach (var score in scores.OrderBy(s => s.FinishedAt ?? DateTimeOffset.MaxValue).ThenBy(s => s.ParticipantId))
        {
            args.Add(score.ParticipantId.ToString());
            args.Add(score.Score.ToString(CultureInfo.InvariantCulture));
            args.Add(score.FinishedAt?.ToUnixTimeMilliseconds() ?? 0);
        }

        await redis.GetDatabase().ScriptEvaluateAsync(ContestScripts.RebuildSource, KeysOf(tenantId, contest.Id, applied: false), [.. args]);
    }

    /// <summary>Redis doubles back to the 4 decimal places money and counts are kept with.</summary>
    private static decimal ToDecimal(double score) => Math.Round((decimal)score, 4);

    // Never in the past: EXPIREAT with a past instant deletes the key at once (a contest replayed or ended late).
    private long Expiry(Contest contest) => (contest.EndsAt > clock.GetUtcNow() ? contest.EndsAt : clock.GetUtcNow()).Add(KeepAfterEnd).ToUnixTimeSeconds();

    private RedisKey[] KeysOf(Guid tenantId, Guid contestId, bool applied) => applied
        ? [keys.Scores(tenantId, contestId), keys.Finishers(tenantId, contestId), keys.FinishTimes(tenantId, contestId), keys.Applied(tenantId, contestId)]
        : [keys.Scores(tenantId, contestId), keys.Finishers(tenantId, contestId), keys.FinishTimes(tenantId, contestId)];
}
