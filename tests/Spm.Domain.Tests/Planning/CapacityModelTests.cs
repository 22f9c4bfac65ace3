using Spm.Domain.Common;
using Spm.Domain.Planning;

namespace Spm.Domain.Tests.Planning;

public sealed class CapacityModelTests
{
    private static readonly DateOnly PlanStart = new(2025, 1, 1);
    private static readonly decimal[] EqualMonths = Enumerable.Repeat(1m / 12m, 12).ToArray();

    private static CapacityPlanInput SmallCase() => new(
        PlanStart,
        AnnualTarget: 1_200_000m,
        Seasonality: EqualMonths,
        ProductivityPerRampedRepPerMonth: 25_000m,
        RampCurve: [0.5m, 1.0m],
        AnnualAttritionRate: 0m,
        HiringLeadTimeMonths: 2,
        Roster:
        [
            new("r1", new DateOnly(2023, 3, 1)),
            new("r2", new DateOnly(2023, 6, 1)),
            new("r3", new DateOnly(2024, 1, 15)),
            new("new", new DateOnly(2025, 1, 10)),
        ]);

    [Fact]
    public void Small_case_three_ramped_and_one_new_hire()
    {
        // 1,200,000 / 12 = 100,000 a month; / 25,000 = 4 ramped reps needed every month.
        // January: 3 ramped + the new hire at 50 % (tenure month 1) = 3.5 FTE -> 87,500 capacity, gap 0.5 FTE / 12,500.
        // February on: the new hire is at 100 % -> 4.0 FTE, no gap.
        // Lead time 2 months: no hire can start before March, so January's half FTE stays uncovered and nobody is hired.
        var plan = CapacityModel.Build(SmallCase());

        var january = plan.Periods[0];
        Assert.Equal(new CapacityPeriod(0, new DateOnly(2025, 1, 1), 100_000m, 4m, 3.5m, 87_500m, 4, 0.5m, 12_500m, 0, 0m, 0.5m), january);
        foreach (var period in plan.Periods.Skip(1))
        {
            Assert.Equal(100_000m, period.Target);
            Assert.Equal(4, period.RequiredFte);
            Assert.Equal(4.0m, period.RosterRampedFte);
            Assert.Equal(0m, period.FteGap);
            Assert.Equal(0m, period.CapacityGap);
            Assert.Equal(0m, period.UncoveredFte);
        }

        Assert.Empty(plan.Cohorts);
        Assert.Equal(0, plan.TotalHires);
    }

    [Fact]
    public void A_second_half_step_up_plans_a_cohort_that_is_ramped_in_time()
    {
        // H1 months weigh 1/15 each (6/15 = 40 %), H2 months 10 % each: 1,500,000 -> 100,000 then 150,000 a month,
        // i.e. 4 then 6 ramped reps. Roster: 4 ramped reps. Ramp 25/50/75/100 % -> fully ramped in tenure month 4,
        // so July's 2-rep gap needs 2 hires starting in April (July - 3), requisitions opened by February (lead time 2).
        // April..June those hires add 0.5, 1.0, 1.5 FTE.
        var weights = Enumerable.Repeat(1m / 15m, 6).Concat(Enumerable.Repeat(0.1m, 6)).ToArray();
        var input = SmallCase() with
        {
            AnnualTarget = 1_500_000m,
            Seasonality = weights,
            RampCurve = [0.25m, 0.5m, 0.75m, 1.0m],
            Roster = [.. Enumerable.Range(1, 4).Select(i => new RosterMember($"r{i}", new DateOnly(2022, 1, 1)))],
        };

        var plan = CapacityModel.Build(input);

        Assert.Equal([100_000m, 100_000m, 100_000m, 100_000m, 100_000m, 100_000m, 150_000m, 150_000m, 150_000m, 150_000m, 150_000m, 150_000m], plan.Periods.Select(p => p.Target));
        Assert.Equal([4, 4, 4, 4, 4, 4, 6, 6, 6, 6, 6, 6], plan.Periods.Select(p => p.RequiredFte));
        Assert.Equal(
            [new HiringCohort(new DateOnly(2025, 4, 1), 2, new DateOnly(2025, 2, 1), new DateOnly(2025, 7, 1), new DateOnly(2025, 7, 1))],
            plan.Cohorts);
        Assert.Equal([0m, 0m, 0m, 0.5m, 1.0m, 1.5m, 2m, 2m, 2m, 2m, 2m, 2m], plan.Periods.Select(p => p.PlannedHireFte));
        Assert.All(plan.Periods, p => Assert.Equal(0m, p.UncoveredFte));
        Assert.Equal(2, plan.TotalHires);
    }

    [Fact]
    public void Attrition_erodes_the_roster_and_hires_cover_it_from_the_first_possible_month()
    {
        // 10 ramped reps, 12 % a year -> the roster keeps 1 - 0.01 m of its heads in month m: 10, 9.9, 9.8 ... 8.9 FTE.
        // 120,000 a month / 10,000 = 12 reps needed. Lead time 1: the first hires can start in February.
        // January: 2 FTE short, nobody can start -> uncovered 2.
        // February: 12 - 9.9 = 2.1 short; hires starting in February are at 50 % -> ceil(2.1 / 0.5) = 5 hires.
        // March on: 9.8 .. 8.9 + 5 ramped >= 12, covered.
        var input = new CapacityPlanInput(
            PlanStart, 1_440_000m, EqualMonths, 10_000m, [0.5m], 0.12m, 1,
            [.. Enumerable.Range(1, 10).Select(i => new RosterMember($"r{i}", new DateOnly(2020, 1, 1)))]);

        var plan = CapacityModel.Build(input);

        Assert.Equal([10m, 9.9m, 9.8m, 9.7m], plan.Periods.Take(4).Select(p => p.RosterRampedFte));
        Assert.Equal(8.9m, plan.Periods[11].RosterHeadcount);
        Assert.Equal(2m, plan.Periods[0].UncoveredFte);
        Assert.Equal(
            [new HiringCohort(new DateOnly(2025, 2, 1), 5, new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 1), new DateOnly(2025, 2, 1))],
            plan.Cohorts);
        Assert.Equal(2.5m, plan.Periods[1].PlannedHireFte);
        Assert.All(plan.Periods.Skip(1), p => Assert.Equal(0m, p.UncoveredFte));
    }

    [Fact]
    public void Same_input_gives_the_same_plan_and_a_what_if_is_just_another_call()
    {
        var baseline = CapacityModel.Build(SmallCase());
        var again = CapacityModel.Build(SmallCase());
        Assert.Equal(baseline.Periods, again.Periods);

        var moreProductive = CapacityModel.Build(SmallCase() with { ProductivityPerRampedRepPerMonth = 50_000m });
        Assert.All(moreProductive.Periods, p => Assert.Equal(2, p.RequiredFte));
    }

    [Theory]
    [InlineData("target", "PLAN_TARGET_NEGATIVE")]
    [InlineData("productivity", "PLAN_PRODUCTIVITY_INVALID")]
    [InlineData("seasonality", "PLAN_SEASONALITY_SUM")]
    [InlineData("ramp", "PLAN_RAMP_INVALID")]
    [InlineData("attrition", "PLAN_ATTRITION_INVALID")]
    [InlineData("lead", "PLAN_LEAD_TIME_INVALID")]
    public void Invalid_assumptions_are_rejected_with_a_clear_code(string what, string code)
    {
        var input = what switch
        {
            "target" => SmallCase() with { AnnualTarget = -1m },
            "productivity" => SmallCase() with { ProductivityPerRampedRepPerMonth = 0m },
            "seasonality" => SmallCase() with { Seasonality = Enumerable.Repeat(0.1m, 12).ToArray() },
            "ramp" => SmallCase() with { RampCurve = [0.5m, 1.2m] },
            "attrition" => SmallCase() with { AnnualAttritionRate = -0.1m },
            _ => SmallCase() with { HiringLeadTimeMonths = -1 },
        };

        Assert.Equal(code, Assert.Throws<DomainException>(() => CapacityModel.Build(input)).Code);
    }
}
