using Spm.Domain.Compensation;
using static Spm.Domain.Tests.Compensation.CompWorld;

namespace Spm.Domain.Tests.Compensation;

/// <summary>Bonuses at thresholds, SPIFF windows and contest awards, worked out by hand.</summary>
public sealed class BonusAndSpiffTests
{
    private static readonly BonusComponent QuarterBonus = new()
    {
        Id = "q-bonus",
        Name = "Quarter bonus",
        Frequency = BonusFrequency.Quarter,
        Thresholds =
        [
            new BonusThreshold { Attainment = 1.0m, Amount = 5_000m },
            new BonusThreshold { Attainment = 1.2m, PercentOfTargetIncentive = 0.10m },
        ],
    };

    private static readonly CompCredit[] QuarterCredits = [Credit(1, 100_000m, D(1, 15)), Credit(2, 120_000m, D(2, 15)), Credit(3, 150_000m, D(3, 15))];

    private static CompensationInput QuarterInput(CompPeriod period, IEnumerable<CompCredit> credits)
    {
        var plan = Plan(QuarterBonus);
        return Input(period, plan, credits, assignment: Assign(Rep, plan, targetIncentive: 60_000m)) with
        {
            Quotas = [new ParticipantQuota(Rep, D(1, 1), D(3, 31), 300_000m, "USD")],
        };
    }

    [Fact]
    public void A_quarter_bonus_pays_every_threshold_reached_in_the_quarters_last_month()
    {
        // Q1 quota 300,000; credits 100,000 + 120,000 + 150,000 = 370,000 = 123.33 % of quota.
        // Threshold 100 %: fixed 5,000.00. Threshold 120 %: 10 % of the quarter's target incentive,
        // 60,000 / 4 = 15,000 -> 1,500.00. Paid in March (the quarter ends on Mar 31): 6,500.00.
        var result = Statement(QuarterInput(Mar, QuarterCredits));

        Assert.Equal([(1, 5_000.00m), (2, 1_500.00m)], result.Lines.Select(l => (l.Tier!.Value, l.Amount)));
        Assert.All(result.Lines, l => Assert.Equal((LineKind.Bonus, 370_000m, 3), (l.Kind, l.Basis, l.Sources.Count)));
        Assert.Equal(6_500.00m, result.Earnings);
    }

    [Fact]
    public void A_quarter_bonus_is_not_paid_before_the_quarter_ends()
    {
        // February is inside Q1: no bonus line yet, whatever the attainment.
        var result = Statement(QuarterInput(Feb, QuarterCredits));

        Assert.Empty(result.Lines);
        Assert.Equal(0m, result.Earnings);
    }

    [Fact]
    public void Only_the_thresholds_reached_pay()
    {
        // 100,000 + 120,000 + 110,000 = 330,000 = 110 %: the 100 % threshold (5,000.00) but not the 120 % one.
        var result = Statement(QuarterInput(Mar, [QuarterCredits[0], QuarterCredits[1], Credit(3, 110_000m, D(3, 15))]));

        Assert.Equal(5_000.00m, Assert.Single(result.Lines).Amount);
    }

    [Theory]
    [InlineData("50000.00", "1000.00")] // exactly 100 % reaches the threshold
    [InlineData("49999.99", "0")] // a cent short does not
    public void A_monthly_bonus_threshold_is_reached_at_exactly_the_threshold(string credited, string expected)
    {
        var bonus = new BonusComponent { Id = "m", Name = "Month bonus", Thresholds = [new BonusThreshold { Attainment = 1m, Amount = 1_000m }] };

        var result = Statement(Input(Jan, Plan(bonus), [Credit(1, decimal.Parse(credited, System.Globalization.CultureInfo.InvariantCulture), D(1, 10))], quota: 50_000m));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Earnings);
    }

    [Fact]
    public void A_spiff_pays_per_unit_inside_its_window_edges_inclusive()
    {
        // WIDGET SPIFF, deals closed Jan 10 to Jan 20 inclusive, 50 per unit.
        // Closed Jan 9 (3 units): out. Jan 10 (2 units): in. Jan 20 (4 units): in. Jan 21 (5 units): out.
        // GADGET on Jan 15 (7 units): wrong product. 2 + 4 = 6 units x 50 = 300.00.
        var spiff = new SpiffComponent { Id = "widget", Name = "Widget blitz", Products = ["WIDGET"], From = D(1, 10), To = D(1, 20), Basis = SpiffBasis.PerUnit, Amount = 50m };
        CompCredit[] credits =
        [
            Credit(1, 1_000m, D(1, 9), product: "WIDGET", quantity: 3),
            Credit(2, 1_000m, D(1, 10), product: "WIDGET", quantity: 2),
            Credit(3, 1_000m, D(1, 20), product: "WIDGET", quantity: 4),
            Credit(4, 1_000m, D(1, 21), product: "WIDGET", quantity: 5),
            Credit(5, 1_000m, D(1, 15), product: "GADGET", quantity: 7),
        ];

        var result = Statement(Input(Jan, Plan(spiff), credits));

        var line = Assert.Single(result.Lines);
        Assert.Equal((LineKind.Spiff, 6m, 50m, 300.00m), (line.Kind, line.Basis, line.Rate!.Value, line.Amount));
        Assert.Equal([CreditId(2), CreditId(3)], line.Sources.Select(s => s.CreditId));
    }

    [Fact]
    public void A_spiff_window_is_on_the_close_date_not_the_posting_date()
    {
        // Closed Jan 20 (in the window) but posted Jan 25: it qualifies. Closed Jan 21, posted Jan 20: it does not.
        var spiff = new SpiffComponent { Id = "s", Name = "Deal SPIFF", From = D(1, 10), To = D(1, 20), Amount = 250m };
        CompCredit[] credits = [Credit(1, 500m, D(1, 25), closed: D(1, 20)), Credit(2, 500m, D(1, 20), closed: D(1, 21))];

        var result = Statement(Input(Jan, Plan(spiff), credits));

        Assert.Equal(250.00m, result.Earnings);
    }

    [Fact]
    public void A_per_deal_spiff_counts_a_deal_once_and_not_a_reversed_deal()
    {
        // Sale 1: one credit. Sale 2: two credits to the rep (direct 600 and split 400): one deal.
        // Sale 3: +500 and its reversal -500: nets to nothing, no deal. 2 deals x 250 = 500.00.
        var spiff = new SpiffComponent { Id = "s", Name = "Deal SPIFF", From = D(1, 1), To = D(1, 31), Amount = 250m };
        CompCredit[] credits =
        [
            Credit(1, 1_000m, D(1, 5)),
            Credit(2, 600m, D(1, 6), sale: 2),
            Credit(3, 400m, D(1, 6), type: Domain.Crediting.CreditType.Split, sale: 2),
            Credit(4, 500m, D(1, 7), sale: 4),
            Credit(5, -500m, D(1, 8), sale: 4),
        ];

        var result = Statement(Input(Jan, Plan(spiff), credits));

        var line = Assert.Single(result.Lines);
        Assert.Equal((2m, 500.00m), (line.Basis, line.Amount));
    }

    [Fact]
    public void A_contest_prize_is_paid_as_an_award_line_in_the_period_it_was_awarded()
    {
        // A 750 prize awarded Jan 31 lands in January; one awarded Feb 1 does not.
        var plan = Plan(Flat(0.05m));
        var prize = new SpiffAward(Guid.Parse("00000000-0000-0000-0000-0000000000c1"), Rep, "January blitz, 1st place", 750m, "USD", D(1, 31));
        var later = prize with { AwardId = Guid.Parse("00000000-0000-0000-0000-0000000000c2"), AwardedOn = D(2, 1) };

        var result = Statement(Input(Jan, plan, [Credit(1, 1_000m, D(1, 5))]) with { Awards = [prize, later] });

        // 5 % of 1,000 = 50.00, plus the 750.00 prize.
        var award = Assert.Single(result.Lines, l => l.Kind == LineKind.Award);
        Assert.Equal((750.00m, prize.AwardId), (award.Amount, award.AwardId!.Value));
        Assert.Equal(800.00m, result.Earnings);
    }

    [Fact]
    public void A_winner_without_a_plan_this_period_is_paid_their_awards_in_the_first_awards_currency()
    {
        // The rep has a plan, the other winner none. Their prizes: 600.00 EUR on Jan 20, then 100.00 USD on Jan 31,
        // converted at 0.9 EUR per USD = 90.00 EUR. Statement in EUR (the first award's currency): 690.00, two AWARD lines.
        var winner = Guid.Parse("00000000-0000-0000-0000-0000000000e1");
        var plan = Plan(Flat(0.05m));
        var first = new SpiffAward(Guid.Parse("00000000-0000-0000-0000-0000000000c1"), winner, "Blitz, 1st place", 600m, "EUR", D(1, 20));
        var second = new SpiffAward(Guid.Parse("00000000-0000-0000-0000-0000000000c2"), winner, "Sprint, 2nd place", 100m, "USD", D(1, 31));
        var input = Input(Jan, plan, [Credit(1, 1_000m, D(1, 5))]) with { Awards = [second, first], Fx = Fx(("USD", "EUR", 0.9m, D(1, 1))) };

        var result = Statement(input, winner);

        Assert.Equal("EUR", result.Currency);
        Assert.Equal([(600.00m, first.AwardId), (90.00m, second.AwardId)], result.Lines.Select(l => (l.Amount, l.AwardId!.Value)));
        Assert.All(result.Lines, l => Assert.Equal(LineKind.Award, l.Kind));
        Assert.Equal((690.00m, 690.00m), (result.Earnings, result.Payout));
        // The run pays both: the rep's 50.00 USD and the winner's 690.00 EUR.
        var run = CompensationEngine.Calculate(input);
        Assert.Equal(new[] { Rep, winner }.Order(), run.Participants.Select(p => p.ParticipantId).Order());
    }

    [Fact]
    public void A_participant_with_neither_a_plan_nor_an_award_gets_no_statement()
    {
        var input = Input(Jan, Plan(Flat(0.05m)), [Credit(1, 1_000m, D(1, 5), participant: Guid.Parse("00000000-0000-0000-0000-0000000000e2"))]);
        Assert.Null(CompensationEngine.CalculateParticipant(input, Guid.Parse("00000000-0000-0000-0000-0000000000e2")));
    }
}
