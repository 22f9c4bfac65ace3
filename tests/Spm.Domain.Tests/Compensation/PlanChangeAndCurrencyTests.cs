using Spm.Domain.Common;
using Spm.Domain.Compensation;
using Spm.Domain.Crediting;
using static Spm.Domain.Tests.Compensation.CompWorld;

namespace Spm.Domain.Tests.Compensation;

/// <summary>Plan changes mid-period, proration, manager roll-up plans and currencies, worked out by hand.</summary>
public sealed class PlanChangeAndCurrencyTests
{
    [Fact]
    public void A_new_plan_version_mid_period_splits_the_period_and_prorates_quota_and_draw()
    {
        // Version 1 (to Apr 15): 4 % to 100 %, 8 % above. Version 2 (from Apr 16): 5 % / 10 %, recoverable draw 3,000.
        // April quota 30,000: 15 days each, so 15,000 per version.
        // v1, Apr 1-15: 12,000 (Apr 5) + 6,000 (Apr 10) = 18,000: 15,000 x 4 % = 600.00, 3,000 x 8 % = 240.00.
        // v2, Apr 16-30: 9,000 (Apr 20) against 15,000: 9,000 x 5 % = 450.00.
        // Earnings 600 + 240 + 450 = 1,290.00. Draw 3,000 x 15/30 = 1,500.00: top-up 210.00, payout 1,500.00.
        var v1 = Plan(Commission(CommissionMethod.Marginal, (0m, 0.04m), (1m, 0.08m))) with { EffectiveTo = D(4, 15) };
        var v2Rules = Plan(Commission(CommissionMethod.Marginal, (0m, 0.05m), (1m, 0.10m)), new DrawComponent { Id = "draw", Name = "Draw", Amount = 3_000m });
        var v2 = v2Rules with { Version = 2, EffectiveFrom = D(4, 16) };
        var input = new CompensationInput
        {
            Period = Apr,
            Plans = [v2, v1],
            Assignments = [Assign(Rep, v1)],
            Credits = [Credit(3, 9_000m, D(4, 20)), Credit(1, 12_000m, D(4, 5)), Credit(2, 6_000m, D(4, 10))],
            Quotas = [Quota(Apr, 30_000m)],
        };

        var result = Statement(input);

        Assert.Equal(
            [(LineKind.Commission, 1, 600.00m), (LineKind.Commission, 1, 240.00m), (LineKind.Commission, 2, 450.00m), (LineKind.Draw, 2, 210.00m)],
            result.Lines.Select(l => (l.Kind, l.PlanVersion, l.Amount)));
        Assert.Equal((1_290.00m, 1_500.00m, 210.00m), (result.Earnings, result.Payout, result.DrawBalanceCarried));
        Assert.Contains("2026-04-16..2026-04-30", result.Lines[2].Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assignment_starting_mid_period_prorates_caps_and_draws_by_days()
    {
        // Assigned from Apr 11: 20 of April's 30 days. Cap 6,000 -> 4,000.00; draw 3,000 -> 2,000.00.
        // The Apr 5 credit is before the assignment: not paid. Apr 12: 50,000 x 10 % = 5,000.00, capped at 4,000:
        // cap line -1,000.00. Earnings 4,000 are above the 2,000 draw: no draw line.
        var plan = Plan(Flat(0.10m) with { Cap = 6_000m }, new DrawComponent { Id = "draw", Name = "Draw", Amount = 3_000m });

        var result = Statement(Input(Apr, plan, [Credit(1, 10_000m, D(4, 5)), Credit(2, 50_000m, D(4, 12))], assignment: Assign(Rep, plan, from: D(4, 11))));

        Assert.Equal([(LineKind.Commission, 5_000.00m), (LineKind.ComponentCap, -1_000.00m)], result.Lines.Select(l => (l.Kind, l.Amount)));
        Assert.Equal([CreditId(2)], result.Lines[0].Sources.Select(s => s.CreditId));
        Assert.Equal(4_000.00m, result.Payout);
    }

    [Fact]
    public void Two_plans_at_once_each_pay_on_the_same_credits()
    {
        // A core plan at 5 % and an overlay plan at 1 % on the same 10,000: 500.00 + 100.00 = 600.00.
        var core = Plan(Flat(0.05m));
        var overlay = Plan(Flat(0.01m)) with { PlanId = Guid.Parse("00000000-0000-0000-0000-0000000000b2"), Name = "Overlay" };
        var input = new CompensationInput
        {
            Period = Jan,
            Plans = [core, overlay],
            Assignments = [Assign(Rep, core), Assign(Rep, overlay, n: 2)],
            Credits = [Credit(1, 10_000m, D(1, 5))],
        };

        var result = Statement(input);

        Assert.Equal([500.00m, 100.00m], result.Lines.Select(l => l.Amount));
        Assert.Equal(600.00m, result.Earnings);
    }

    [Fact]
    public void A_manager_plan_pays_on_the_teams_roll_up_credits_only()
    {
        // Manager plan over ROLLUP credits: 1 % to 100 % of a 500,000 team quota, 2 % above.
        // Roll-ups 300,000 + 250,000 = 550,000: 500,000 x 1 % = 5,000.00 + 50,000 x 2 % = 1,000.00 = 6,000.00.
        // The manager's own direct 40,000 does not count under this plan.
        var managerPlan = Plan(Commission(CommissionMethod.Marginal, (0m, 0.01m), (1m, 0.02m)) with { CreditTypes = [CreditType.Rollup] });
        CompCredit[] credits =
        [
            Credit(1, 300_000m, D(1, 10), participant: Manager, type: CreditType.Rollup),
            Credit(2, 250_000m, D(1, 20), participant: Manager, type: CreditType.Rollup),
            Credit(3, 40_000m, D(1, 15), participant: Manager),
        ];
        var input = new CompensationInput
        {
            Period = Jan,
            Plans = [managerPlan],
            Assignments = [Assign(Manager, managerPlan)],
            Credits = credits,
            Quotas = [Quota(Jan, 500_000m, Manager)],
        };

        var result = Statement(input, Manager);

        Assert.Equal([5_000.00m, 1_000.00m], result.Lines.Select(l => l.Amount));
        Assert.Equal((6_000.00m, 550_000m, 1.1m), (result.Earnings, result.Credited, result.Attainment!.Value));
    }

    [Fact]
    public void Credits_in_another_currency_are_converted_at_their_posting_date_and_rounded_once_each()
    {
        // EUR/USD 1.10 from Jan 1, 1.12 from Jan 15. 10,000 EUR on Jan 10 -> 11,000.00 USD;
        // 5,000.55 EUR on Jan 20 -> 5,600.616 -> 5,600.62 USD. Basis 16,600.62 x 5 % = 830.031 -> 830.03.
        var fx = Fx(("EUR", "USD", 1.10m, D(1, 1)), ("EUR", "USD", 1.12m, D(1, 15)));
        var input = Input(Jan, Plan(Flat(0.05m)), [Credit(1, 10_000m, D(1, 10), currency: "EUR"), Credit(2, 5_000.55m, D(1, 20), currency: "EUR")]) with { Fx = fx };

        var line = Assert.Single(Statement(input).Lines);

        Assert.Equal([11_000.00m, 5_600.62m], line.Sources.Select(s => s.Basis));
        Assert.Equal((16_600.62m, 830.03m, "USD"), (line.Basis, line.Amount, line.Currency));
    }

    [Fact]
    public void A_participant_paid_in_yen_gets_whole_yen_lines_and_plan_amounts_converted()
    {
        // USD/JPY 150.5. Credit 1,234.56 USD -> 185,801.28 -> 185,801 JPY; 3 % = 5,574.03 -> 5,574 JPY.
        // Monthly bonus of 100 USD at 0 % attainment (quota 100,000 JPY) -> 100 x 150.5 = 15,050 JPY.
        // Earnings 5,574 + 15,050 = 20,624 JPY.
        var bonus = new BonusComponent { Id = "b", Name = "Bonus", Thresholds = [new BonusThreshold { Attainment = 0m, Amount = 100m }] };
        var plan = Plan(Flat(0.03m), bonus);
        var input = Input(Jan, plan, [Credit(1, 1_234.56m, D(1, 10))], assignment: Assign(Rep, plan, currency: "JPY")) with
        {
            Fx = Fx(("USD", "JPY", 150.5m, D(1, 1))),
            Quotas = [Quota(Jan, 100_000m, currency: "JPY")],
        };

        var result = Statement(input);

        Assert.Equal([5_574m, 15_050m], result.Lines.Select(l => l.Amount));
        Assert.Equal((185_801m, "JPY", 20_624m), (result.Lines[0].Basis, result.Currency, result.Earnings));
    }

    [Fact]
    public void A_missing_rate_is_an_error_not_a_zero()
    {
        var input = Input(Jan, Plan(Flat(0.05m)), [Credit(1, 100m, D(1, 10), currency: "EUR")]) with { Fx = Fx(("EUR", "USD", 1.1m, D(2, 1))) };

        Assert.Equal("FX_RATE_MISSING", Assert.Throws<DomainException>(() => Statement(input)).Code);
    }

    [Fact]
    public void Assignments_paid_in_two_currencies_at_once_are_refused()
    {
        var core = Plan(Flat(0.05m));
        var input = Input(Jan, core, []) with { Assignments = [Assign(Rep, core), Assign(Rep, core, currency: "EUR", n: 2)] };

        Assert.Equal("COMP_PAY_CURRENCY_MIXED", Assert.Throws<DomainException>(() => Statement(input)).Code);
    }

    [Fact]
    public void A_changed_locked_period_arrives_as_an_adjustment_in_the_open_period()
    {
        // January was locked at 10 % of 10,000 = 1,000.00. An adjustment credit of 2,000 later lands in January:
        // recomputed, January would pay 1,200.00. February pays its own 5,000 x 10 % = 500.00 plus a
        // prior-period adjustment of 1,200 - 1,000 = +200.00: earnings 700.00. January itself never changes.
        var plan = Plan(Flat(0.10m));
        var locked = Statement(Input(Jan, plan, [Credit(1, 10_000m, D(1, 10))]));
        var recomputed = Statement(Input(Jan, plan, [Credit(1, 10_000m, D(1, 10)), Credit(2, 2_000m, D(1, 20))]));

        var result = Statement(Input(Feb, plan, [Credit(3, 5_000m, D(2, 10))]) with { PriorPeriods = [new PriorPeriodResult(locked, recomputed)] });

        var adjustment = Assert.Single(result.Lines, l => l.Kind == LineKind.PriorPeriodAdjustment);
        Assert.Equal((200.00m, Jan, "commission"), (adjustment.Amount, adjustment.AdjustsPeriod!.Value, adjustment.ComponentId));
        Assert.Equal(700.00m, result.Earnings);
        Assert.Equal(1_000.00m, locked.Earnings);
    }

    [Fact]
    public void A_correction_is_paid_once_and_traces_the_credits_that_changed_the_locked_period()
    {
        // January locked at 10 % of 10,000 = 1,000.00. A 2,000 credit later lands in January (recomputed 1,200.00).
        // February: +200.00 = 1,200 - 1,000, sourced by credit 2 alone (basis +2,000); February is locked with it.
        // March, same data: 1,200 - 1,000 - 200 already corrected = 0: no line. Then a further 500 credit lands in
        // January (recomputed 1,250.00): March pays 1,250 - 1,000 - 200 = +50.00, sourced by credit 4 (basis +500).
        var plan = Plan(Flat(0.10m));
        var locked = Statement(Input(Jan, plan, [Credit(1, 10_000m, D(1, 10))]));
        var recomputed = Statement(Input(Jan, plan, [Credit(1, 10_000m, D(1, 10)), Credit(2, 2_000m, D(1, 20))]));
        var february = Statement(Input(Feb, plan, [Credit(3, 5_000m, D(2, 10))]) with { PriorPeriods = [new PriorPeriodResult(locked, recomputed)] });
        var correction = Assert.Single(february.Lines, l => l.Kind == LineKind.PriorPeriodAdjustment);
        Assert.Equal(200.00m, correction.Amount);
        Assert.Equal([(CreditId(2), 2_000m)], correction.Sources.Select(x => (x.CreditId, x.Basis)));
        Assert.Contains("paid 1000.00, recalculated 1200.00", correction.Rule, StringComparison.Ordinal);

        var februaryRecomputed = Statement(Input(Feb, plan, [Credit(3, 5_000m, D(2, 10))]) with { PriorPeriods = [new PriorPeriodResult(locked)] });
        var march = Statement(Input(Mar, plan, []) with
        {
            PriorPeriods = [new PriorPeriodResult(locked, recomputed), new PriorPeriodResult(february, februaryRecomputed)],
        });
        Assert.DoesNotContain(march.Lines, l => l.Kind == LineKind.PriorPeriodAdjustment);
        Assert.Equal(0m, march.Earnings);

        var recomputedAgain = Statement(Input(Jan, plan, [Credit(1, 10_000m, D(1, 10)), Credit(2, 2_000m, D(1, 20)), Credit(4, 500m, D(1, 25))]));
        var marchLater = Statement(Input(Mar, plan, []) with
        {
            PriorPeriods = [new PriorPeriodResult(locked, recomputedAgain), new PriorPeriodResult(february, februaryRecomputed)],
        });
        var second = Assert.Single(marchLater.Lines, l => l.Kind == LineKind.PriorPeriodAdjustment);
        Assert.Equal((50.00m, Jan), (second.Amount, second.AdjustsPeriod!.Value));
        Assert.Equal([(CreditId(4), 500m)], second.Sources.Select(x => (x.CreditId, x.Basis)));
        Assert.Equal(50.00m, marchLater.Earnings);
    }
}
