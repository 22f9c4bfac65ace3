using Spm.Domain.Common;
using Spm.Domain.Compensation;
using static Spm.Domain.Tests.Compensation.CompWorld;

namespace Spm.Domain.Tests.Compensation;

/// <summary>"What would this deal pay me?" and live earnings, against the same hand-worked figures as a run.</summary>
public sealed class EstimateAndLiveTests
{
    // 90,000 credited of a 100,000 quota.
    private static readonly CompCredit[] SoFar = [Credit(1, 90_000m, D(1, 10))];

    [Fact]
    public void A_deal_across_the_boundary_is_estimated_slice_by_slice_under_a_marginal_plan()
    {
        // Before: 90,000 x 5 % = 4,500.00. With 20,000 more: 100,000 x 5 % + 10,000 x 8 % = 5,800.00. Pays 1,300.00.
        var plan = Plan(Commission(CommissionMethod.Marginal, (0m, 0.05m), (1m, 0.08m)));

        var estimate = CompensationEngine.Estimate(Input(Jan, plan, SoFar, quota: 100_000m), Rep, new DealScenario { Amount = 20_000m, Currency = "USD", CloseDate = D(1, 25) });

        Assert.Equal((4_500.00m, 5_800.00m, 1_300.00m), (estimate.EarningsBefore, estimate.EarningsAfter, estimate.Pays));
        Assert.Equal((0.9m, 1.1m), (estimate.AttainmentBefore!.Value, estimate.AttainmentAfter!.Value));
    }

    [Fact]
    public void Under_a_retroactive_plan_the_same_deal_lifts_everything_to_the_higher_rate()
    {
        // Before: 90,000 x 5 % = 4,500.00. After: 110,000 x 8 % = 8,800.00. Pays 4,300.00.
        var plan = Plan(Commission(CommissionMethod.Retroactive, (0m, 0.05m), (1m, 0.08m)));

        var estimate = CompensationEngine.Estimate(Input(Jan, plan, SoFar, quota: 100_000m), Rep, new DealScenario { Amount = 20_000m, Currency = "USD", CloseDate = D(1, 25) });

        Assert.Equal(4_300.00m, estimate.Pays);
    }

    [Fact]
    public void A_deal_outside_the_period_is_refused()
    {
        var plan = Plan(Flat(0.05m));

        var error = Assert.Throws<DomainException>(() => CompensationEngine.Estimate(Input(Jan, plan, SoFar), Rep, new DealScenario { Amount = 1m, Currency = "USD", CloseDate = D(2, 1) }));

        Assert.Equal(("COMP_ESTIMATE_OUTSIDE_PERIOD", "closeDate"), (error.Code, error.Field));
    }

    [Fact]
    public void Live_earnings_move_by_what_each_credit_adds_and_match_a_full_run()
    {
        // Start 4,500.00 (90,000 at 5 %). +20,000: 5,800.00, delta 1,300.00. A reversal of -5,000: 95,000 at 5 %
        // = 4,750.00, delta -1,050.00.
        var plan = Plan(Commission(CommissionMethod.Marginal, (0m, 0.05m), (1m, 0.08m)));
        var live = new LiveEarnings(Input(Jan, plan, SoFar, quota: 100_000m), Rep);
        Assert.Equal(4_500.00m, live.Current!.Earnings);

        var first = live.Apply(Credit(2, 20_000m, D(1, 20)))!;
        var second = live.Apply(Credit(3, -15_000m, D(1, 21), sale: 2))!;

        Assert.Equal((4_500.00m, 5_800.00m, 1_300.00m, CreditId(2)), (first.PreviousEarnings, first.Earnings, first.Delta, first.CreditId));
        Assert.Equal((5_800.00m, 4_750.00m, -1_050.00m), (second.PreviousEarnings, second.Earnings, second.Delta));
        var full = Statement(Input(Jan, plan, [SoFar[0], Credit(2, 20_000m, D(1, 20)), Credit(3, -15_000m, D(1, 21), sale: 2)], quota: 100_000m));
        Assert.Equal(full.Earnings, live.Current.Earnings);
        Assert.Equal(0.95m, second.Attainment);
    }

    [Fact]
    public void Live_earnings_apply_a_batch_with_one_recalculation_and_land_where_credit_by_credit_would()
    {
        // Start 4,500.00 (90,000 at 5 %). +20,000 and -15,000 together: 95,000 at 5 % = 4,750.00, delta 250.00,
        // the same end as applying them one by one (previous test), naming the last credit.
        var plan = Plan(Commission(CommissionMethod.Marginal, (0m, 0.05m), (1m, 0.08m)));
        var live = new LiveEarnings(Input(Jan, plan, SoFar, quota: 100_000m), Rep);

        var update = live.ApplyAll([Credit(2, 20_000m, D(1, 20)), Credit(3, -15_000m, D(1, 21), sale: 2)])!;

        Assert.Equal((4_500.00m, 4_750.00m, 250.00m, CreditId(3)), (update.PreviousEarnings, update.Earnings, update.Delta, update.CreditId));
        Assert.Equal(0.95m, update.Attainment);
    }
}
