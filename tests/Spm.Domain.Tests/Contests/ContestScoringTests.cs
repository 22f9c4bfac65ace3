using Spm.Domain.Contests;
using Spm.Domain.Live;
using static Spm.Domain.Tests.Contests.ContestTestData;

namespace Spm.Domain.Tests.Contests;

public sealed class ContestScoringTests
{
    private static readonly Guid[] Everyone = [Ann, Bob, Cat, Dan];

    private static IReadOnlyList<ContestStanding> Rank(Contest contest, IReadOnlyCollection<Guid> subjects, IEnumerable<ContestScore> scores, Func<Guid, Guid?>? subjectOf = null) =>
        ContestScoring.Standings(contest, subjects, scores, subjectOf ?? (p => p), Name);

    private static (int Rank, string Name, decimal Score)[] Table(IEnumerable<ContestStanding> standings) =>
        [.. standings.Select(s => (s.Rank, s.DisplayName, s.Score))];

    [Fact]
    public void Top_n_uses_dense_ranks_and_lists_everyone()
    {
        // Ann 5,000 and Bob 5,000 tie for first; Cat's 1,200 is rank 2 (dense, no gap); Dan scored nothing.
        var contest = Create(Definition());
        var standings = Rank(contest, Everyone, [new(Ann, 3_000m), new(Bob, 5_000m), new(Cat, 1_200m), new(Ann, 2_000m)]);

        Assert.Equal([(1, "Ann", 5_000m), (1, "Bob", 5_000m), (2, "Cat", 1_200m), (3, "Dan", 0m)], Table(standings));

        // Three prizes. Ann and Bob share rank 1 but occupy prize positions 1 and 2 (the text shown is position 1's);
        // Cat, rank 2, is in position 3 and wins its prize ("Lunch"); Dan scored 0 and wins nothing.
        Assert.Equal(
            [new ContestWinner(1, Ann, "Ann", 5_000m, "Weekend in Lisbon"), new ContestWinner(1, Bob, "Bob", 5_000m, "Weekend in Lisbon"), new ContestWinner(2, Cat, "Cat", 1_200m, "Lunch")],
            ContestScoring.Winners(contest, standings));
    }

    [Fact]
    public void Scores_of_non_contestants_are_left_out()
    {
        var contest = Create(Definition());
        var standings = Rank(contest, [Ann, Bob], [new(Ann, 10m), new(Cat, 99m)]);

        Assert.Equal([(1, "Ann", 10m), (2, "Bob", 0m)], Table(standings));
    }

    [Fact]
    public void A_race_ranks_finishers_by_when_they_reached_the_goal_then_the_rest_by_score()
    {
        // Goal 10,000. Bob crossed at 10:00 with 10,500 now; Ann crossed later (11:30) but has 14,000 now:
        // Bob is first anyway. Cat (9,000) and Dan (2,000) have not finished.
        var contest = Create(Definition(ContestFormat.RaceToGoal) with { Goal = 10_000m, Prizes = ["Trip", "Dinner"] });
        var at10 = new DateTimeOffset(2027, 3, 5, 10, 0, 0, TimeSpan.Zero);
        var standings = Rank(contest, Everyone, [new(Ann, 14_000m, at10.AddMinutes(90)), new(Bob, 10_500m, at10), new(Cat, 9_000m), new(Dan, 2_000m)]);

        Assert.Equal([(1, "Bob", 10_500m), (2, "Ann", 14_000m), (3, "Cat", 9_000m), (4, "Dan", 2_000m)], Table(standings));
        Assert.Equal(at10, standings[0].FinishedAt);
        Assert.Equal([Bob, Ann], ContestScoring.Winners(contest, standings).Select(w => w.SubjectId));
    }

    [Fact]
    public void A_race_nobody_finished_has_no_winner()
    {
        var contest = Create(Definition(ContestFormat.RaceToGoal) with { Goal = 10_000m });
        var standings = Rank(contest, Everyone, [new(Cat, 9_000m)]);

        Assert.Empty(ContestScoring.Winners(contest, standings));
    }

    [Fact]
    public void Team_against_team_sums_members()
    {
        // Red = Ann + Bob = 1,000 + 2,500 = 3,500; Blue = Cat + Dan = 3,000 + 400 = 3,400.
        var contest = Create(Definition(ContestFormat.TeamVsTeam) with { TeamIds = [Red, Blue], Prizes = ["Team dinner"] });
        var team = new Dictionary<Guid, Guid> { [Ann] = Red, [Bob] = Red, [Cat] = Blue, [Dan] = Blue };
        var standings = Rank(contest, [Red, Blue], [new(Ann, 1_000m), new(Bob, 2_500m), new(Cat, 3_000m), new(Dan, 400m)], p => team[p]);

        Assert.Equal([(1, "Red team", 3_500m), (2, "Blue team", 3_400m)], Table(standings));
        Assert.Equal([new ContestWinner(1, Red, "Red team", 3_500m, "Team dinner")], ContestScoring.Winners(contest, standings));
    }

    [Fact]
    public void Most_improved_subtracts_the_baseline()
    {
        // Window: Ann 12,000, Bob 9,000, Cat 4,000. Baselines: Ann 10,000, Bob 3,000, Cat 4,500.
        // Improvement: Bob +6,000, Ann +2,000, Cat -500 (Dan: 0 - 0 = 0).
        var contest = Create(Definition(ContestFormat.MostImproved) with { BaselineStart = new(2027, 2, 1), BaselineEnd = new(2027, 2, 28), Prizes = ["Trophy"] });
        contest.Start(Start, new Dictionary<Guid, decimal> { [Ann] = 10_000m, [Bob] = 3_000m, [Cat] = 4_500m });
        var standings = Rank(contest, Everyone, [new(Ann, 12_000m), new(Bob, 9_000m), new(Cat, 4_000m)]);

        Assert.Equal([(1, "Bob", 6_000m), (2, "Ann", 2_000m), (3, "Dan", 0m), (4, "Cat", -500m)], Table(standings));
        Assert.Equal([Bob], ContestScoring.Winners(contest, standings).Select(w => w.SubjectId));
    }

    [Fact]
    public void Head_to_head_names_each_pairs_winner_and_a_draw_has_none()
    {
        // Pair 1: Ann 7 v Bob 4 -> Ann. Pair 2: Cat 5 v Dan 5 -> draw.
        var contest = Create(Definition(ContestFormat.HeadToHead) with { Metric = LiveMetric.DealsWon, Pairs = [new(Ann, Bob), new(Cat, Dan)], Prizes = ["Bragging rights"] });
        var standings = Rank(contest, Everyone, [new(Ann, 7m), new(Bob, 4m), new(Cat, 5m), new(Dan, 5m)]);

        Assert.Equal([(1, "Ann", 7m), (2, "Cat", 5m), (2, "Dan", 5m), (3, "Bob", 4m)], Table(standings));
        Assert.Equal(Bob, standings[0].OpponentId);
        Assert.Equal([new ContestWinner(1, Ann, "Ann", 7m, "Bragging rights")], ContestScoring.Winners(contest, standings));
    }

    [Fact]
    public void A_contribution_applies_only_to_its_metric_inside_the_window()
    {
        var contest = Create(Definition());

        Assert.True(ContestScoring.Applies(contest, new MetricContribution(Ann, LiveMetric.CreditedRevenue, 10m, new DateOnly(2027, 3, 31)), TimeZoneInfo.Utc));
        Assert.False(ContestScoring.Applies(contest, new MetricContribution(Ann, LiveMetric.CreditedRevenue, 10m, new DateOnly(2027, 3, 1)), TimeZoneInfo.Utc));
        Assert.False(ContestScoring.Applies(contest, new MetricContribution(Ann, LiveMetric.DealsWon, 1m, new DateOnly(2027, 3, 10)), TimeZoneInfo.Utc));
    }
}
