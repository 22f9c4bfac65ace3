using Spm.Domain.Common;
using Spm.Domain.Contests;
using Spm.Domain.Live;
using static Spm.Domain.Tests.Contests.ContestTestData;

namespace Spm.Domain.Tests.Contests;

public sealed class ContestValidationTests
{
    private static string Refused(ContestDefinition definition) => Assert.Throws<DomainException>(() => Create(definition)).Field!;

    [Fact]
    public void A_valid_definition_is_scheduled_with_its_prizes_in_place_order()
    {
        var contest = Create(Definition());

        Assert.Equal(ContestStatus.Scheduled, contest.Status);
        Assert.Equal(["Weekend in Lisbon", "Headphones", "Lunch"], contest.Prizes);
        Assert.Null(contest.Goal);
    }

    [Fact]
    public void End_must_follow_start() =>
        Assert.Equal("endsAt", Refused(Definition() with { EndsAt = Start }));

    [Theory]
    [InlineData("March Madness")]
    [InlineData("x")]
    [InlineData("-leading-dash")]
    public void Key_must_be_a_slug(string key) => Assert.Equal("key", Refused(Definition() with { Key = key }));

    [Fact]
    public void A_race_needs_a_positive_goal()
    {
        Assert.Equal("goal", Refused(Definition(ContestFormat.RaceToGoal)));
        Assert.Equal("goal", Refused(Definition(ContestFormat.RaceToGoal) with { Goal = 0m }));
        Assert.Equal(50_000m, Create(Definition(ContestFormat.RaceToGoal) with { Goal = 50_000m }).Goal);
    }

    [Fact]
    public void Pairs_need_two_distinct_participants_each_in_one_pair_only()
    {
        Assert.Equal("pairs", Refused(Definition(ContestFormat.HeadToHead)));
        Assert.Equal("pairs.0", Refused(Definition(ContestFormat.HeadToHead) with { Pairs = [new(Ann, Ann)] }));
        Assert.Equal("pairs.1", Refused(Definition(ContestFormat.HeadToHead) with { Pairs = [new(Ann, Bob), new(Cat, Ann)] }));
    }

    [Fact]
    public void A_team_contest_needs_two_teams_and_a_summable_metric()
    {
        Assert.Equal("teamIds", Refused(Definition(ContestFormat.TeamVsTeam) with { TeamIds = [Red] }));
        Assert.Equal("metric", Refused(Definition(ContestFormat.TeamVsTeam) with { TeamIds = [Red, Blue], Metric = LiveMetric.AttainmentPercent }));
    }

    [Fact]
    public void Most_improved_needs_a_baseline_that_ends_before_the_start()
    {
        Assert.Equal("baselineStart", Refused(Definition(ContestFormat.MostImproved)));
        Assert.Equal("baselineEnd", Refused(Definition(ContestFormat.MostImproved) with { BaselineStart = new(2027, 2, 1), BaselineEnd = new(2027, 3, 5) }));
        Assert.Equal("baselineEnd", Refused(Definition(ContestFormat.MostImproved) with { BaselineStart = new(2027, 2, 10), BaselineEnd = new(2027, 2, 1) }));
    }

    [Fact]
    public void Prizes_are_text_per_place()
    {
        Assert.Equal("prizes.1", Refused(Definition() with { Prizes = ["Trip", " "] }));
        Assert.Equal("prizes", Refused(Definition() with { Prizes = [.. Enumerable.Range(1, 21).Select(i => $"Prize {i}")] }));
    }

    [Fact]
    public void Lifecycle_goes_scheduled_running_ended_and_refuses_other_moves()
    {
        var contest = Create(Definition());
        Assert.Throws<DomainException>(() => contest.End(Start));

        contest.Start(Start, new Dictionary<Guid, decimal>());
        Assert.Equal(ContestStatus.Running, contest.Status);
        Assert.Equal("key", Assert.Throws<DomainException>(() => contest.Update(Definition(), Start)).Field);

        contest.End(End);
        Assert.Equal(ContestStatus.Ended, contest.Status);
        Assert.Equal("CONTEST_CLOSED", Assert.Throws<DomainException>(() => contest.Cancel(End)).Code);
    }

    [Fact]
    public void A_scheduled_contest_can_be_edited_or_cancelled()
    {
        var contest = Create(Definition());
        contest.Update(Definition() with { Title = "March Mayhem" }, Now);
        Assert.Equal("March Mayhem", contest.Title);

        contest.Cancel(Now);
        Assert.Equal(ContestStatus.Cancelled, contest.Status);
        Assert.Throws<DomainException>(() => contest.Start(Start, new Dictionary<Guid, decimal>()));
    }

    [Fact]
    public void The_window_counts_whole_local_days_from_start_to_the_last_instant_before_the_end()
    {
        // 2 March 00:00 UTC to 1 April 00:00 UTC, in New York (UTC-5 until 14 March, then UTC-4): the start is
        // 1 March 19:00 local, the last instant 31 March 19:59:59 local.
        var contest = Create(Definition());
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        Assert.Equal((new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 31)), contest.WindowDates(newYork));
        Assert.Equal((new DateOnly(2027, 3, 2), new DateOnly(2027, 3, 31)), contest.WindowDates(TimeZoneInfo.Utc));
        Assert.False(contest.Counts(new DateOnly(2027, 4, 1), TimeZoneInfo.Utc));
    }
}
