using Spm.Domain.Common;
using Spm.Domain.Compensation;
using static Spm.Domain.Tests.Compensation.CompWorld;

namespace Spm.Domain.Tests.Compensation;

/// <summary>Commission tiers, gates and caps, each worked out by hand in a comment.</summary>
public sealed class CommissionTests
{
    // Quota 100,000; tiers: from 0 % at 5 %, from 100 % at 8 %. Credits: 60,000.10 on Jan 5, then 50,000.15 on
    // Jan 20: 110,000.25 in all (110.00025 %).
    private static readonly CompCredit[] AcrossTheBoundary = [Credit(1, 60_000.10m, D(1, 5)), Credit(2, 50_000.15m, D(1, 20))];

    [Fact]
    public void Marginal_pays_each_slice_at_its_own_tier()
    {
        // Marginal: the first 100,000 at 5 % = 5,000.00 (60,000.10 of credit 1 and 39,999.90 of credit 2);
        // the 10,000.25 above quota at 8 % = 800.02. Total 5,800.02.
        var plan = Plan(Commission(CommissionMethod.Marginal, (0m, 0.05m), (1m, 0.08m)));

        var result = Statement(Input(Jan, plan, AcrossTheBoundary, quota: 100_000m));

        Assert.Collection(
            result.Lines,
            tier1 =>
            {
                Assert.Equal((LineKind.Commission, 1, 100_000m, 0.05m, 5_000.00m), (tier1.Kind, tier1.Tier!.Value, tier1.Basis, tier1.Rate!.Value, tier1.Amount));
                Assert.Equal([new LineSource(CreditId(1), SaleId(1), 60_000.10m), new LineSource(CreditId(2), SaleId(2), 39_999.90m)], tier1.Sources);
            },
            tier2 =>
            {
                Assert.Equal((LineKind.Commission, 2, 10_000.25m, 0.08m, 800.02m), (tier2.Kind, tier2.Tier!.Value, tier2.Basis, tier2.Rate!.Value, tier2.Amount));
                Assert.Equal([new LineSource(CreditId(2), SaleId(2), 10_000.25m)], tier2.Sources);
            });
        Assert.Equal(5_800.02m, result.Earnings);
        Assert.Equal(5_800.02m, result.Payout);
        Assert.Equal(1.1000025m, result.Attainment);
    }

    [Fact]
    public void Retroactive_pays_the_reached_tier_on_everything()
    {
        // Retroactive: 110 % reached tier 2, so all 110,000.25 at 8 % = 8,800.02.
        var plan = Plan(Commission(CommissionMethod.Retroactive, (0m, 0.05m), (1m, 0.08m)));

        var result = Statement(Input(Jan, plan, AcrossTheBoundary, quota: 100_000m));

        var line = Assert.Single(result.Lines);
        Assert.Equal((2, 110_000.25m, 0.08m, 8_800.02m), (line.Tier!.Value, line.Basis, line.Rate!.Value, line.Amount));
        Assert.Equal(2, line.Sources.Count);
        Assert.Equal(8_800.02m, result.Earnings);
    }

    [Fact]
    public void Exactly_at_the_boundary_is_in_the_upper_tier_for_retroactive()
    {
        // 100,000 of 100,000 is 100 %: the tier starting at 100 % applies, 100,000 x 8 % = 8,000.00.
        var plan = Plan(Commission(CommissionMethod.Retroactive, (0m, 0.05m), (1m, 0.08m)));

        var result = Statement(Input(Jan, plan, [Credit(1, 100_000m, D(1, 5))], quota: 100_000m));

        Assert.Equal(8_000.00m, result.Earnings);
    }

    [Fact]
    public void A_line_rounds_half_away_from_zero()
    {
        // 100.10 x 5 % = 5.005, half a cent: away from zero is 5.01 (banker's rounding would say 5.00).
        var plan = Plan(Flat(0.05m));

        var result = Statement(Input(Jan, plan, [Credit(1, 100.10m, D(1, 5))]));

        Assert.Equal(5.01m, Assert.Single(result.Lines).Amount);
    }

    [Fact]
    public void A_reversal_takes_back_from_the_top_tier_first()
    {
        // Quota 100,000; 5 % to 100 %, 8 % above. +120,000 (Jan 5), then a reversal of -30,000 (Jan 6).
        // Credit 1: 100,000 in tier 1, 20,000 in tier 2. Reversal: -20,000 from tier 2, -10,000 from tier 1.
        // Tier 1: 90,000 x 5 % = 4,500.00; tier 2: 0 x 8 % = 0.00. Same as one credit of 90,000.
        var plan = Plan(Commission(CommissionMethod.Marginal, (0m, 0.05m), (1m, 0.08m)));

        var result = Statement(Input(Jan, plan, [Credit(1, 120_000m, D(1, 5)), Credit(2, -30_000m, D(1, 6), sale: 1)], quota: 100_000m));

        Assert.Equal([90_000m, 0m], result.Lines.Select(l => l.Basis));
        Assert.Equal(4_500.00m, result.Earnings);
    }

    [Fact]
    public void Rates_by_product_and_segment_use_the_most_specific_table()
    {
        // Default table 5 %; product SERVICES 2 %; product SERVICES in segment SMB 1 %; segment ENT 6 %.
        // 10,000 of HARDWARE (no segment) -> default 5 % = 500.00
        // 10,000 of SERVICES (segment ENT) -> product beats segment: 2 % = 200.00
        // 10,000 of SERVICES (segment SMB) -> product and segment: 1 % = 100.00
        // 10,000 of HARDWARE (segment ENT) -> segment: 6 % = 600.00. Total 1,400.00.
        var commission = new CommissionComponent
        {
            Id = "commission",
            Name = "Commission",
            RateTables =
            [
                new RateTable { Tiers = [new RateTier(0m, 0.05m)] },
                new RateTable { Product = "SERVICES", Tiers = [new RateTier(0m, 0.02m)] },
                new RateTable { Product = "SERVICES", Segment = "SMB", Tiers = [new RateTier(0m, 0.01m)] },
                new RateTable { Segment = "ENT", Tiers = [new RateTier(0m, 0.06m)] },
            ],
        };
        CompCredit[] credits =
        [
            Credit(1, 10_000m, D(1, 5), product: "HARDWARE"),
            Credit(2, 10_000m, D(1, 5), product: "SERVICES") with { Segment = "ENT" },
            Credit(3, 10_000m, D(1, 5), product: "SERVICES") with { Segment = "SMB" },
            Credit(4, 10_000m, D(1, 5), product: "HARDWARE") with { Segment = "ENT" },
        ];

        var result = Statement(Input(Jan, Plan(commission), credits));

        Assert.Equal([500.00m, 200.00m, 100.00m, 600.00m], result.Lines.Select(l => l.Amount));
        Assert.Equal([CreditId(1), CreditId(2), CreditId(3), CreditId(4)], result.Lines.Select(l => l.Sources.Single().CreditId));
        Assert.Equal(1_400.00m, result.Earnings);
    }

    [Fact]
    public void Below_the_gate_nothing_is_paid_and_the_line_says_why()
    {
        // Gate 50 % of a 100,000 quota; 5 % flat. 40,000 credited = 40 %: below the gate, 0.00.
        var plan = Plan(Flat(0.05m) with { Gate = 0.5m });

        var result = Statement(Input(Jan, plan, [Credit(1, 40_000m, D(1, 10))], quota: 100_000m));

        var line = Assert.Single(result.Lines);
        Assert.Equal((LineKind.GateNotMet, 40_000m, 0m), (line.Kind, line.Basis, line.Amount));
        Assert.Contains("40% attainment is below 50%", line.Rule, StringComparison.Ordinal);
        Assert.Equal(0m, result.Earnings);
    }

    [Fact]
    public void At_the_gate_everything_is_paid_not_only_the_part_above()
    {
        // 40,000 + 15,000 = 55,000 = 55 % >= 50 %: the gate is a condition, so 5 % of all 55,000 = 2,750.00.
        var plan = Plan(Flat(0.05m) with { Gate = 0.5m });

        var result = Statement(Input(Jan, plan, [Credit(1, 40_000m, D(1, 10)), Credit(2, 15_000m, D(1, 20))], quota: 100_000m));

        Assert.Equal(2_750.00m, result.Earnings);
        Assert.Equal(LineKind.Commission, Assert.Single(result.Lines).Kind);
    }

    [Fact]
    public void A_component_cap_hit_mid_period_cuts_the_excess_only()
    {
        // 10 % flat, cap 5,000 per period. Jan 10: 30,000 earns 3,000 (under the cap). Jan 20: 30,000 more would
        // earn 3,000 and take the total to 6,000: the cap line takes back 6,000 - 5,000 = 1,000.00.
        var plan = Plan(Flat(0.10m) with { Cap = 5_000m });

        var result = Statement(Input(Jan, plan, [Credit(1, 30_000m, D(1, 10)), Credit(2, 30_000m, D(1, 20))]));

        Assert.Collection(
            result.Lines,
            commission => Assert.Equal((LineKind.Commission, 6_000.00m), (commission.Kind, commission.Amount)),
            cap => Assert.Equal((LineKind.ComponentCap, -1_000.00m), (cap.Kind, cap.Amount)));
        Assert.Equal(5_000.00m, result.Earnings);

        // Only the first credit: 3,000 is under the cap, no cap line.
        var early = Statement(Input(Jan, plan, [Credit(1, 30_000m, D(1, 10))]));
        Assert.Equal(3_000.00m, early.Earnings);
        Assert.DoesNotContain(early.Lines, l => l.Kind == LineKind.ComponentCap);
    }

    [Fact]
    public void The_period_cap_bounds_all_components_together()
    {
        // 10 % flat on 50,000 = 5,000.00 plus a SPIFF of 500 per deal on 2 deals = 1,000.00: 6,000.00, period
        // cap 5,500: a period-cap line of -500.00, earnings 5,500.00.
        var spiff = new SpiffComponent { Id = "spiff", Name = "Deal SPIFF", From = D(1, 1), To = D(1, 31), Amount = 500m };
        var plan = Plan(Flat(0.10m), spiff) with { PeriodCap = 5_500m };

        var result = Statement(Input(Jan, plan, [Credit(1, 20_000m, D(1, 10)), Credit(2, 30_000m, D(1, 20))]));

        Assert.Equal([LineKind.Commission, LineKind.Spiff, LineKind.PeriodCap], result.Lines.Select(l => l.Kind));
        Assert.Equal(-500.00m, result.Lines[^1].Amount);
        Assert.Equal(5_500.00m, result.Earnings);
    }

    [Fact]
    public void The_total_cap_counts_what_was_earned_earlier_in_the_fiscal_year()
    {
        // Total cap 10,000 a year. January (locked) earned 8,000.00 (10 % of 80,000). February: 10 % of 30,000 =
        // 3,000.00, but only 10,000 - 8,000 = 2,000 is left: a total-cap line of -1,000.00, earnings 2,000.00.
        var plan = Plan(Flat(0.10m)) with { TotalCap = 10_000m };
        var january = Statement(Input(Jan, plan, [Credit(1, 80_000m, D(1, 10))]));
        Assert.Equal(8_000.00m, january.Earnings);

        var input = Input(Feb, plan, [Credit(2, 30_000m, D(2, 10))]) with { PriorPeriods = [new PriorPeriodResult(january)] };
        var result = Statement(input);

        Assert.Equal((LineKind.TotalCap, -1_000.00m), (result.Lines[^1].Kind, result.Lines[^1].Amount));
        Assert.Equal(2_000.00m, result.Earnings);
    }

    [Fact]
    public void A_tiered_plan_without_a_quota_is_refused_naming_the_participant()
    {
        var plan = Plan(Commission(CommissionMethod.Marginal, (0m, 0.05m), (1m, 0.08m)));

        var error = Assert.Throws<DomainException>(() => Statement(Input(Jan, plan, [Credit(1, 10m, D(1, 5))])));

        Assert.Equal("COMP_QUOTA_MISSING", error.Code);
        Assert.Contains(Rep.ToString(), error.Message, StringComparison.Ordinal);
    }
}
