using Spm.Domain.Compensation;
using static Spm.Domain.Tests.Compensation.CompWorld;

namespace Spm.Domain.Tests.Compensation;

/// <summary>Draws carried across periods and clawbacks of cancelled sales, worked out by hand.</summary>
public sealed class DrawAndClawbackTests
{
    [Fact]
    public void A_recoverable_draw_is_recovered_over_three_periods()
    {
        // 10 % flat commission, recoverable draw 3,000 a month.
        // Jan: earns 1,000 (10,000 credited) -> draw pays 2,000, payout 3,000, balance 0 + 2,000 = 2,000.
        // Feb: earns 3,800 -> recovers min(2,000, 3,800 - 3,000) = 800, payout 3,000, balance 1,200.
        // Mar: earns 4,000 -> recovers min(1,200, 1,000) = 1,000, payout 3,000, balance 200.
        // Apr: earns 5,000 -> recovers min(200, 2,000) = 200, payout 4,800, balance 0.
        var plan = Plan(Flat(0.10m), new DrawComponent { Id = "draw", Name = "Ramp draw", Amount = 3_000m, Recoverable = true });
        (CompPeriod Period, decimal Credited)[] months = [(Jan, 10_000m), (Feb, 38_000m), (Mar, 40_000m), (Apr, 50_000m)];
        var balance = 0m;
        var figures = new List<(decimal Earnings, decimal Draw, decimal Recovered, decimal Payout, decimal Balance)>();
        var n = 0;
        foreach (var (period, credited) in months)
        {
            var input = Input(period, plan, [Credit(++n, credited, period.Start.AddDays(9))]) with { DrawBalances = [new DrawBalance(Rep, balance, "USD")] };
            var result = Statement(input);
            Assert.Equal(balance, result.DrawBalanceBefore);
            balance = result.DrawBalanceCarried;
            figures.Add((result.Earnings, result.DrawPaid, result.DrawRecovered, result.Payout, balance));
        }

        Assert.Equal(
            [(1_000m, 2_000m, 0m, 3_000m, 2_000m), (3_800m, 0m, 800m, 3_000m, 1_200m), (4_000m, 0m, 1_000m, 3_000m, 200m), (5_000m, 0m, 200m, 4_800m, 0m)],
            figures);
    }

    [Fact]
    public void A_non_recoverable_draw_tops_up_without_a_balance()
    {
        // Earns 1,000, draw 3,000 non-recoverable: pays 2,000 draw, payout 3,000, nothing owed afterwards.
        var plan = Plan(Flat(0.10m), new DrawComponent { Id = "draw", Name = "Guarantee", Amount = 3_000m, Recoverable = false });

        var result = Statement(Input(Jan, plan, [Credit(1, 10_000m, D(1, 10))]));

        var draw = Assert.Single(result.Lines, l => l.Kind == LineKind.Draw);
        Assert.Equal(2_000.00m, draw.Amount);
        Assert.Equal((1_000m, 3_000m, 0m), (result.Earnings, result.Payout, result.DrawBalanceCarried));
    }

    [Fact]
    public void A_balance_is_recovered_after_the_draw_ended()
    {
        // No draw any more, 500 still owed, earns 300: recovers 300 (never below zero pay), 200 carried.
        var result = Statement(Input(Feb, Plan(Flat(0.10m)), [Credit(1, 3_000m, D(2, 10))]) with { DrawBalances = [new DrawBalance(Rep, 500m, "USD")] });

        Assert.Equal((300m, 300m, 0m, 200m), (result.Earnings, result.DrawRecovered, result.Payout, result.DrawBalanceCarried));
    }

    // Quota 25,000 a month; marginal 5 % to 100 %, 10 % above; clawback within 90 days of close.
    private static readonly CompPlan ClawbackPlan = Plan(
        Commission(CommissionMethod.Marginal, (0m, 0.05m), (1m, 0.10m)),
        new ClawbackComponent { Id = "clawback", Name = "90-day clawback", WindowDays = 90 });

    [Fact]
    public void A_sale_cancelled_within_the_window_takes_back_exactly_what_it_earned()
    {
        // January: sale B 10,000 (Jan 10) then sale A 20,000 (Jan 15) against 25,000.
        // B: 10,000 in tier 1. A: 15,000 in tier 1 and 5,000 in tier 2.
        // Tier 1: 25,000 x 5 % = 1,250.00; tier 2: 5,000 x 10 % = 500.00; January earns 1,750.00 (locked).
        var january = Statement(Input(Jan, ClawbackPlan, [Credit(2, 10_000m, D(1, 10)), Credit(1, 20_000m, D(1, 15))], quota: 25_000m));
        Assert.Equal(1_750.00m, january.Earnings);

        // February: A is cancelled on Feb 20, 36 days after its close (within 90). It earned
        // 15,000 x 5 % + 5,000 x 10 % = 750 + 500 = 1,250.00: the clawback line is -1,250.00.
        // February's own sale C 5,000 earns 5 % = 250.00. Sale D (4,000, closed Feb 3) is cancelled Feb 10 within
        // the window: it counts for nothing in February. Earnings 250 - 1,250 = -1,000.00.
        CompCredit[] february =
        [
            Credit(1, 20_000m, D(1, 15), cancelled: D(2, 20)),
            Credit(3, 5_000m, D(2, 5)),
            Credit(4, 4_000m, D(2, 3), cancelled: D(2, 10)),
        ];
        var result = Statement(Input(Feb, ClawbackPlan, february, quota: 25_000m) with { PriorPeriods = [new PriorPeriodResult(january)] });

        var clawback = Assert.Single(result.Lines, l => l.Kind == LineKind.Clawback);
        Assert.Equal(-1_250.00m, clawback.Amount);
        Assert.Equal(Jan, clawback.AdjustsPeriod);
        Assert.All(clawback.Sources, s => Assert.Equal(CreditId(1), s.CreditId));
        var commission = Assert.Single(result.Lines, l => l.Kind == LineKind.Commission);
        Assert.Equal((5_000m, 250.00m), (commission.Basis, commission.Amount));
        Assert.Equal(-1_000.00m, result.Earnings);
        Assert.Equal(5_000m, result.Credited);
    }

    [Fact]
    public void A_sale_cancelled_after_the_window_keeps_its_earnings()
    {
        // Sale B closed Jan 10, cancelled May 1: 111 days later, outside 90. Nothing is taken back in May.
        var january = Statement(Input(Jan, ClawbackPlan, [Credit(2, 10_000m, D(1, 10))], quota: 25_000m));
        Assert.Equal(500.00m, january.Earnings);

        var may = Statement(Input(May, ClawbackPlan, [Credit(2, 10_000m, D(1, 10), cancelled: D(5, 1))], quota: 25_000m) with { PriorPeriods = [new PriorPeriodResult(january)] });

        Assert.Empty(may.Lines);
        Assert.Equal(0m, may.Earnings);
    }
}
