using Spm.Domain.Currency;
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
    /// place = the pair's position, prize = place 1's. Race: finishers only, in finishing order. Other formats: every
    /// subject whose group reaches a prize position (position 1 only when no prizes were described). Tied contestants
    /// share their dense rank (<see cref="ContestWinner.Place"/>) but occupy as many prize positions as there are of
    /// them, as in golf: two tied for first take positions 1 and 2, so the next contestant (rank 2) wins the prize of
    /// position 3. The prize text of a tied group is that of its first position; their cash is the pooled cash of all
    /// their positions (<see cref="PrizeAwards"/>), so ties never pay more, nor less, than the prizes described.
    /// </summary>
    public static IReadOnlyList<ContestWinner> Winners(Contest contest, IReadOnlyList<ContestStanding> standings) =>
        [.. Placed(contest, standings).Select(p => new ContestWinner(p.Place, p.Standing.SubjectId, p.Standing.DisplayName, p.Standing.Score, contest.PrizeText(p.Position)))];

    /// <summary>
    /// The cash each winner receives (participant contests only). A group of k tied winners at positions p..p+k-1
    /// pools the cash of those positions (per currency) and splits it equally, rounded down to the currency's minor unit;
    /// the minor units left over go one each to the group's first members in standings order (the earliest finisher
    /// of a race, otherwise by name then id, the order the standings list ties in). Example: 500 + 300 USD shared by
    /// two is 400 each; 100 USD shared by three is 33.34, 33.33, 33.33.
    /// </summary>
    public static IReadOnlyList<ContestPrizeAward> PrizeAwards(Contest contest, IReadOnlyList<ContestStanding> standings)
    {
        ArgumentNullException.ThrowIfNull(contest);
        var cash = contest.CashPrizes.ToDictionary(c => c.Place);
        if (cash.Count == 0 || contest.RanksTeams)
        {
            return [];
        }

        var awards = new List<ContestPrizeAward>();
        foreach (var group in Placed(contest, standings).GroupBy(p => (p.Place, p.Position)))
        {
            var members = group.ToList();
            // Head to head: every pair's winner is alone in their group and takes place 1's prize.
            var positions = contest.Format == ContestFormat.HeadToHead
                ? [1]
                : Enumerable.Range(group.Key.Position, members.Count);
            foreach (var pool in positions.Where(cash.ContainsKey).Select(p => cash[p]).GroupBy(c => c.Currency, StringComparer.Ordinal))
            {
                var currency = pool.Key;
                var total = pool.Sum(c => c.Amount);
                var unit = Money.UnitOf(currency);
                var share = Math.Floor(total / members.Count / unit) * unit;
                var leftOver = (int)((total - (share * members.Count)) / unit);
                for (var i = 0; i < members.Count; i++)
                {
                    var s = members[i].Standing;
                    awards.Add(new ContestPrizeAward(group.Key.Position, s.SubjectId, s.DisplayName, share + (i < leftOver ? unit : 0m), currency, members.Count));
                }
            }
        }

        return awards;
    }

    /// <summary>
    /// The standings that win something, with their place (dense rank; a head-to-head pair's position) and their group's
    /// first prize position (1 + how many are ranked strictly ahead).
    /// </summary>
    private static List<(ContestStanding Standing, int Place, int Position)> Placed(Contest contest, IReadOnlyList<ContestStanding> standings)
    {
        ArgumentNullException.ThrowIfNull(contest);
        ArgumentNullException.ThrowIfNull(standings);
        if (contest.Format == ContestFormat.HeadToHead)
        {
            var bySubject = standings.ToDictionary(s => s.SubjectId);
            var winners = new List<(ContestStanding, int, int)>();
            var pairs = contest.Pairs;
            for (var i = 0; i < pairs.Count; i++)
            {
                if (!bySubject.TryGetValue(pairs[i].First, out var a) || !bySubject.TryGetValue(pairs[i].Second, out var b) || a.Score == b.Score)
                {
                    continue;
                }

                winners.Add((a.Score > b.Score ? a : b, i + 1, 1));
            }

            return winners;
        }

        var places = Math.Max(1, contest.PrizePlaces);
        var placed = new List<(ContestStanding, int, int)>();
        var position = 0;
        for (var i = 0; i < standings.Count; i++)
        {
            var s = standings[i];
            if (i == 0 || standings[i - 1].Rank != s.Rank)
            {
                position = i + 1;
            }

            if (position <= places
                && (contest.Format != ContestFormat.RaceToGoal || s.FinishedAt is not null)
                && (contest.Format == ContestFormat.RaceToGoal || s.Score > 0 || contest.Format == ContestFormat.MostImproved))
            {
                placed.Add((s, s.Rank, position));
            }
        }

        return placed;
    }

    /// <summary>Whether <paramref name="contribution"/> moves <paramref name="contest"/>: same metric, dated inside the window.</summary>
    public static bool Applies(Contest contest, MetricContribution contribution, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(contest);
        ArgumentNullException.ThrowIfNull(contribution);
        return contribution.Metric == contest.Metric && contest.Counts(contribution.Date, zone);
    }
}
