using Spm.Domain.Live;

namespace Spm.Domain.Contests;

/// <summary>
/// Turns raw per-participant scores into a contest's standings and winners, for every format. The same function ranks
/// live scores from Redis, scores recomputed from PostgreSQL and the frozen final standings, so they cannot disagree.
/// </summary>
public static class ContestScoring
{
    /// <summary>
    /// Standings of <paramref name="subjects"/> (participants, or teams in a team contest), best first, with dense ranks
    /// (equal scores share a rank; the next rank follows without a gap). Every subject appears, with 0 when it scored
    /// nothing. <paramref name="subjectOf"/> maps a scoring participant to the subject it counts for (itself, or its
    /// team); null drops scores of non-contestants.
    /// <list type="bullet">
    /// <item>MOST_IMPROVED: score = window score minus the subject's baseline (a difference, not a ratio: a ratio is
    /// undefined for a zero baseline and flatters tiny ones).</item>
    /// <item>RACE_TO_GOAL: finishers first, by the instant they reached the goal (equal instants share a rank), then the
    /// others by score.</item>
    /// <item>HEAD_TO_HEAD: ranked by score like TOP_N, each standing naming its opponent; winners are per pair.</item>
    /// </list>
    /// Ties are listed by name, then id, so the order is stable.
    /// </summary>
    public static IReadOnlyList<ContestStanding> Standings(
        Contest contest,
        IReadOnlyCollection<Guid> subjects,
        IEnumerable<ContestScore> scores,
        Func<Guid, Guid?> subjectOf,
        Func<Guid, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(contest);
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(subjectOf);
        ArgumentNullException.ThrowIfNull(nameOf);
        var totals = subjects.Distinct().ToDictionary(s => s, _ => 0m);
        var finishes = new Dictionary<Guid, DateTimeOffset>();
        foreach (var score in scores)
        {
            if (subjectOf(score.ParticipantId) is not { } subject || !totals.ContainsKey(subject))
            {
                continue;
            }

            totals[subject] += score.Score;
            if (score.FinishedAt is { } at && !contest.RanksTeams)
            {
                finishes[subject] = at;
            }
        }

        if (contest.Format == ContestFormat.MostImproved)
        {
            var baselines = contest.Baselines;
            foreach (var subject in totals.Keys.ToList())
            {
                totals[subject] -= baselines.GetValueOrDefault(subject);
            }
        }

        var rows = totals.Select(t => (Subject: t.Key, Name: nameOf(t.Key), Score: t.Value, Finished: contest.Format == ContestFormat.RaceToGoal && finishes.TryGetValue(t.Key, out var f) ? f : (DateTimeOffset?)null))
            .OrderBy(r => r.Finished is null)
            .ThenBy(r => r.Finished ?? DateTimeOffset.MaxValue)
            .ThenByDescending(r => r.Score)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ThenBy(r => r.Subject)
            .ToList();

        var standings = new List<ContestStanding>(rows.Count);
        var rank = 0;
        (DateTimeOffset? Finished, decimal Score)? previous = null;
        foreach (var row in rows)
        {
            // Finishers share a rank only with the same finishing instant; the others only with the same score.
            var same = previous is { } p && p.Finished == row.Finished && (row.Finished is not null || p.Score == row.Score);
            if (!same)
            {
                rank++;
            }

            previous = (row.Finished, row.Score);
            standings.Add(new ContestStanding(rank, row.Subject, row.Name, row.Score, row.Finished, contest.Format == ContestFormat.HeadToHead ? contest.OpponentOf(row.Subject) : null));
        }

        return standings;
    }

    /// <summary>
    /// The winners announced when the contest ends. Head to head: each pair's higher score (a drawn pair has no winner),
    /// place = the pair's position. Race: finishers only, in finishing order. Other formats: every subject whose rank
    /// has a prize (rank 1 only when no prizes were described), so tied contestants share a place and its prize.
    /// </summary>
    public static IReadOnlyList<ContestWinner> Winners(Contest contest, IReadOnlyList<ContestStanding> standings)
    {
        ArgumentNullException.ThrowIfNull(contest);
        ArgumentNullException.ThrowIfNull(standings);
        var prizes = contest.Prizes;
        string? PrizeOf(int place) => place <= prizes.Count ? prizes[place - 1] : null;
        if (contest.Format == ContestFormat.HeadToHead)
        {
            var bySubject = standings.ToDictionary(s => s.SubjectId);
            var winners = new List<ContestWinner>();
            var pairs = contest.Pairs;
            for (var i = 0; i < pairs.Count; i++)
            {
                if (!bySubject.TryGetValue(pairs[i].First, out var a) || !bySubject.TryGetValue(pairs[i].Second, out var b) || a.Score == b.Score)
                {
                    continue;
                }

                var winner = a.Score > b.Score ? a : b;
                winners.Add(new ContestWinner(i + 1, winner.SubjectId, winner.DisplayName, winner.Score, PrizeOf(1)));
            }

            return winners;
        }

        var places = Math.Max(1, prizes.Count);
        return [.. standings
            .Where(s => s.Rank <= places && (contest.Format != ContestFormat.RaceToGoal || s.FinishedAt is not null))
            .Where(s => contest.Format == ContestFormat.RaceToGoal || s.Score > 0 || contest.Format == ContestFormat.MostImproved)
            .Select(s => new ContestWinner(s.Rank, s.SubjectId, s.DisplayName, s.Score, PrizeOf(s.Rank)))];
    }

    /// <summary>Whether <paramref name="contribution"/> moves <paramref name="contest"/>: same metric, dated inside the window.</summary>
    public static bool Applies(Contest contest, MetricContribution contribution, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(contest);
        ArgumentNullException.ThrowIfNull(contribution);
        return contribution.Metric == contest.Metric && contest.Counts(contribution.Date, zone);
    }
}
