using FsCheck;
using FsCheck.Xunit;
using Spm.Domain.Common;
using Spm.Domain.Contests;
using static Spm.Domain.Tests.Contests.ContestTestData;

namespace Spm.Domain.Tests.Contests;

public sealed class ContestPrizeTests
{
    private static readonly Guid[] Everyone = [Ann, Bob, Cat, Dan];

    private static readonly ContestCashPrize[] TopThree = [new(1, 500m, "USD"), new(2, 300m, "USD"), new(3, 100m, "USD")];

    private static (string Name, int Place, decimal Amount, int SharedBy)[] Awards(Contest contest, params ContestScore[] scores) =>
        [.. ContestScoring.PrizeAwards(contest, ContestScoring.Standings(contest, Everyone, scores, p => p, Name))
            .Select(a => (a.DisplayName, a.Place, a.Amount, a.SharedBy))];

    [Fact]
    public void Each_place_pays_its_cash_to_its_winner()
    {
        var contest = Create(Definition() with { CashPrizes = TopThree });

        // Ann 9,000, Cat 7,000, Bob 2,000, Dan 0: 500, 300, 100 USD; Dan is outside the three places.
        Assert.Equal([("Ann", 1, 500m, 1), ("Cat", 2, 300m, 1), ("Bob", 3, 100m, 1)], Awards(contest, new(Ann, 9_000m), new(Bob, 2_000m), new(Cat, 7_000m)));
    }

    [Fact]
    public void A_tie_for_first_shares_the_first_two_prizes_and_the_next_contestant_takes_the_third()
    {
        var contest = Create(Definition() with { CashPrizes = TopThree });

        // Ann and Bob 5,000 each occupy positions 1 and 2: (500 + 300) / 2 = 400 each. Cat (rank 2) is in position 3: 100.
        Assert.Equal([("Ann", 1, 400m, 2), ("Bob", 1, 400m, 2), ("Cat", 3, 100m, 1)], Awards(contest, new(Ann, 5_000m), new(Bob, 5_000m), new(Cat, 1_200m)));
    }

    [Fact]
    public void A_three_way_tie_gives_the_left_over_cent_to_the_first_listed()
    {
        var contest = Create(Definition() with { CashPrizes = [new(3, 100m, "USD")] });

        // Ann 800 first (no cash for position 1). Bob, Cat and Dan tie at 50 in positions 2..4 and share position 3's
        // 100.00: 100.00 / 3 = 33.333..., 33.33 each, 0.01 left over goes to Bob (ties are listed by name).
        Assert.Equal([("Bob", 2, 33.34m, 3), ("Cat", 2, 33.33m, 3), ("Dan", 2, 33.33m, 3)], Awards(contest, new(Ann, 800m), new(Bob, 50m), new(Cat, 50m), new(Dan, 50m)));
    }

    [Fact]
    public void Places_with_text_only_pay_nothing_and_nobody_with_a_zero_score_wins()
    {
        var contest = Create(Definition() with { CashPrizes = [new(2, 250m, "EUR")] });

        // Text for places 1 to 3, cash for place 2 only: Bob (second, 300) gets 250 EUR; Cat and Dan scored nothing.
        Assert.Equal([("Bob", 2, 250m, 1)], Awards(contest, new(Ann, 900m), new(Bob, 300m)));
        Assert.Equal("250.00 EUR", Create(Definition() with { Prizes = [], CashPrizes = [new(2, 250m, "EUR")] }).PrizeText(2));
    }

    [Fact]
    public void Head_to_head_pays_place_one_to_each_pair_winner()
    {
        var contest = Create(Definition(ContestFormat.HeadToHead) with { Pairs = [new(Ann, Bob), new(Cat, Dan)], CashPrizes = [new(1, 50m, "USD")] });

        // Ann beats Bob (10 > 5); Cat and Dan draw (3 = 3): one award of 50.
        Assert.Equal([("Ann", 1, 50m, 1)], Awards(contest, new(Ann, 10m), new(Bob, 5m), new(Cat, 3m), new(Dan, 3m)));
    }

    [Property(MaxTest = 300)]
    public void Ties_never_pay_more_or_less_than_the_places_the_winners_occupy(byte a, byte b, byte c, byte d, PositiveInt first, PositiveInt second, PositiveInt third)
    {
        // Scores 0..3 force frequent ties; cash in cents.
        var cash = new[] { first.Get % 100_000 / 100m + 0.01m, second.Get % 100_000 / 100m + 0.01m, third.Get % 100_000 / 100m + 0.01m };
        var contest = Create(Definition() with { CashPrizes = [new(1, cash[0], "USD"), new(2, cash[1], "USD"), new(3, cash[2], "USD")] });
        var scores = new ContestScore[] { new(Ann, a % 4), new(Bob, b % 4), new(Cat, c % 4), new(Dan, d % 4) };

        var awards = ContestScoring.PrizeAwards(contest, ContestScoring.Standings(contest, Everyone, scores, p => p, Name));

        // Contestants with a positive score occupy positions 1..n; the cash of positions 1..min(3, n) is paid, exactly.
        var scoring = scores.Count(s => s.Score > 0);
        Assert.Equal(cash.Take(Math.Min(3, scoring)).Sum(), awards.Sum(w => w.Amount));
        // Within a tied group the shares differ by at most one cent, and nobody gets a negative amount.
        foreach (var group in awards.GroupBy(w => w.Place))
        {
            Assert.True(group.Max(w => w.Amount) - group.Min(w => w.Amount) <= 0.01m);
        }

        Assert.All(awards, w => Assert.True(w.Amount >= 0m));
    }

    [Theory]
    [InlineData(0, 100, "USD", "cashPrizes.0.place")]
    [InlineData(1, 0, "USD", "cashPrizes.0.amount")]
    [InlineData(1, 10.005, "USD", "cashPrizes.0.amount")]
    [InlineData(1, 10, "usd", "cashPrizes.0.currency")]
    public void A_bad_cash_prize_is_refused_naming_the_field(int place, double amount, string currency, string field)
    {
        var e = Assert.Throws<DomainException>(() => Create(Definition() with { CashPrizes = [new(place, (decimal)amount, currency)] }));
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void A_place_listed_twice_and_cash_on_a_team_contest_are_refused()
    {
        Assert.Equal("cashPrizes.1.place", Assert.Throws<DomainException>(() => Create(Definition() with { CashPrizes = [new(1, 5m, "USD"), new(1, 6m, "USD")] })).Field);
        var teams = Definition(ContestFormat.TeamVsTeam) with { TeamIds = [Red, Blue], CashPrizes = [new(1, 5m, "USD")] };
        Assert.Equal("CASH_PRIZE_TEAM", Assert.Throws<DomainException>(() => Create(teams)).Code);
    }
}
