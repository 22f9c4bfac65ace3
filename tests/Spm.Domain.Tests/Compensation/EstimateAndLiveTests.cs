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

    [Fact]
    public void A_credit_posting_before_those_held_is_recalculated_in_posting_order_not_arrival_order()
    {
        // Marginal tiers with a table per product, quota 100,000: the order credits fill the tiers in decides which
        // product's rate a slice gets. Held: 60,000 of A posted on the 20th = 60,000 x 5 % = 3,000.00. Then 60,000
        // of B arrives, posted on the 10th, so it fills first: B 60,000 x 2 % = 1,200.00; A 40,000 x 5 % = 2,000.00
        // and 20,000 x 10 % = 2,000.00; 5,200.00 in all. In arrival order it would be A 3,000.00 + B 40,000 x 2 %
        // + 20,000 x 4 % = 4,600.00.
        var commission = new CommissionComponent
        {
            Id = "commission",
            Name = "Commission",
            Method = CommissionMethod.Marginal,
            RateTables =
            [
                new RateTable { Product = "A", Tiers = [new RateTier(0m, 0.05m), new RateTier(1m, 0.10m)] },
                new RateTable { Product = "B", Tiers = [new RateTier(0m, 0.02m), new RateTier(1m, 0.04m)] },
            ],
        };
        var plan = Plan(commission);
        var a = Credit(2, 60_000m, D(1, 20), product: "A");
        var b = Credit(1, 60_000m, D(1, 10), product: "B");
        var live = new LiveEarnings(Input(Jan, plan, [a], quota: 100_000m), Rep);
        Assert.Equal(3_000.00m, live.Current!.Earnings);

        var update = live.Apply(b)!;

        Assert.Equal((3_000.00m, 5_200.00m), (update.PreviousEarnings, update.Earnings));
        Assert.Equal(Statement(Input(Jan, plan, [a, b], quota: 100_000m)).Earnings, update.Earnings);
    }

    [Fact]
    public void Live_figures_leave_out_the_sources_a_run_lists_and_keep_every_amount()
    {
        // 90,000 + 20,000 of a 100,000 quota, marginal: tier 1 100,000 x 5 % = 5,000.00, tier 2 10,000 x 8 % = 800.00.
        // A run's tier-2 line lists the one credit behind it; the live figure has the same lines with no sources.
        var plan = Plan(Commission(CommissionMethod.Marginal, (0m, 0.05m), (1m, 0.08m)));
        var credits = new[] { SoFar[0], Credit(2, 20_000m, D(1, 20)) };
        var live = new LiveEarnings(Input(Jan, plan, credits, quota: 100_000m), Rep);
        var run = Statement(Input(Jan, plan, credits, quota: 100_000m));

        Assert.Equal([5_000.00m, 800.00m], live.Current!.Lines.Select(l => l.Amount));
        Assert.Equal(run.Lines.Select(l => (l.Kind, l.Tier, l.Basis, l.Amount)), live.Current.Lines.Select(l => (l.Kind, l.Tier, l.Basis, l.Amount)));
        Assert.All(live.Current.Lines, l => Assert.Empty(l.Sources));
        Assert.Equal([CreditId(2)], run.Lines[1].Sources.Select(s => s.CreditId));
    }

    [Fact]
    public void Credits_handed_over_must_be_the_participants_own()
    {
        var plan = Plan(Flat(0.05m));
        CompCredit[] others = [Credit(1, 10m, D(1, 2), participant: Manager)];

        var error = Assert.Throws<ArgumentException>(() => new LiveEarnings(Input(Jan, plan, []), Rep, others, 1));

        Assert.Equal("credits", error.ParamName);
    }

    [Fact]
    public void Participants_share_a_slab_and_one_that_outgrows_its_slice_moves_out_without_touching_its_neighbour()
    {
        // Flat 5 %: 1,000 + 2,000 = 150.00; 17 more credits of 100 (past the slice's 2 + 16 positions) add 85.00 = 235.00.
        var plan = Plan(Flat(0.05m));
        CompCredit[] held = [Credit(1, 1_000m, D(1, 2)), Credit(2, 2_000m, D(1, 3)), Credit(3, 500m, D(1, 4), participant: Manager)];
        var slices = LiveEarnings.Partition(held, [Rep, Manager], slab: new CreditSlab(128));

        Assert.Same(slices[Rep].Array, slices[Manager].Array);
        Assert.Equal((0, 2, 18), (slices[Rep].Start, slices[Rep].Count, slices[Rep].Capacity));
        Assert.Equal((18, 1, 17), (slices[Manager].Start, slices[Manager].Count, slices[Manager].Capacity));

        var live = new LiveEarnings(Input(Jan, plan, held), Rep, slices[Rep]);
        Assert.Equal(150.00m, live.Current!.Earnings);
        for (var i = 0; i < 17; i++)
        {
            live.Apply(Credit(10 + i, 100m, D(1, 20 - (i % 5))));
        }

        Assert.Equal(235.00m, live.Current.Earnings);
        Assert.Equal(19, live.CreditCount);
        Assert.Equal(held[2], slices[Manager].Array[18]);
        Assert.Equal(default, slices[Manager].Array[19]);
    }

    [Fact]
    public void A_slab_hands_out_consecutive_slices_and_gives_large_ones_their_own_array()
    {
        var slab = new CreditSlab(128);
        var a = slab.Take(30);
        var b = slab.Take(32);
        var big = slab.Take(33);
        var c = slab.Take(32);
        var d = slab.Take(32);
        var e = slab.Take(10);

        Assert.Same(a.Array, b.Array);
        Assert.Equal((0, 30, 30), (a.Start, a.Capacity, b.Start));
        Assert.NotSame(a.Array, big.Array);
        Assert.Equal((0, 33, 33), (big.Start, big.Capacity, big.Array.Length));
        Assert.Same(a.Array, d.Array);
        Assert.Equal((62, 94), (c.Start, d.Start));
        // 126 + 10 > 128: a new shared array.
        Assert.NotSame(a.Array, e.Array);
        Assert.Equal((0, 128), (e.Start, e.Array.Length));
    }

    [Fact]
    public void Figures_only_keeps_the_totals_of_a_run_and_no_lines()
    {
        // 90,000 + 20,000 of a 100,000 quota, marginal: 100,000 x 5 % = 5,000.00 + 10,000 x 8 % = 800.00 = 5,800.00 at 110 %.
        var plan = Plan(Commission(CommissionMethod.Marginal, (0m, 0.05m), (1m, 0.08m)));
        var input = Input(Jan, plan, SoFar, quota: 100_000m);
        var live = new LiveEarnings(input, Rep, LiveEarnings.Partition(SoFar, [Rep])[Rep], figuresOnly: true);
        Assert.Equal((4_500.00m, 0.9m), (live.Current!.Earnings, live.Current.Attainment));

        live.Apply(Credit(2, 20_000m, D(1, 20)));

        Assert.Equal((5_800.00m, 1.1m, 5_800.00m), (live.Current.Earnings, live.Current.Attainment, live.Current.Payout));
        Assert.Empty(live.Current.Lines);
    }
}
