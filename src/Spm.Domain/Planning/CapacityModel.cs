using Spm.Domain.Common;
using Spm.Domain.Quotas;

namespace Spm.Domain.Planning;

/// <summary>
/// How many sellers, at what productivity and ramp, are needed to make a target, and when to hire them.
/// Deterministic and pure: the same input always gives the same plan.
/// </summary>
/// <remarks>
/// Simplifications chosen so a planner can redo the numbers by hand:
/// attrition is linear (after m months the roster keeps 1 - rate * m / 12 of its heads), applies to the current roster
/// only (planned hires are assumed to stay through the plan), and the hire month is tenure month 1 whatever the day.
/// </remarks>
public static class CapacityModel
{
    public static CapacityPlan Build(CapacityPlanInput input)
    {
        Validate(input);
        var months = input.Seasonality.Count;
        var start = new DateOnly(input.PlanStart.Year, input.PlanStart.Month, 1);
        var targets = Allocator.Split(input.AnnualTarget, input.Seasonality, Allocator.Cent);
        var productivity = input.ProductivityPerRampedRepPerMonth;

        var rosterHeads = new decimal[months];
        var rosterFte = new decimal[months];
        var required = new int[months];
        for (var m = 0; m < months; m++)
        {
            var month = start.AddMonths(m);
            var survival = Math.Max(0m, 1m - (input.AnnualAttritionRate * m / 12m));
            decimal heads = 0;
            decimal fte = 0;
            foreach (var member in input.Roster)
            {
                var tenure = RampedQuota.TenureMonth(member.HireDate, month);
                if (tenure >= 1)
                {
                    heads++;
                    fte += RampFactor(input.RampCurve, tenure);
                }
            }

            rosterHeads[m] = heads * survival;
            rosterFte[m] = fte * survival;
            required[m] = (int)decimal.Ceiling(targets[m] / productivity);
        }

        var hiresByStart = PlanHires(input, required, rosterFte, out var neededFor);

        var periods = new CapacityPeriod[months];
        for (var m = 0; m < months; m++)
        {
            var planned = PlannedFte(input.RampCurve, hiresByStart, m);
            var rosterCapacity = rosterFte[m] * productivity;
            periods[m] = new CapacityPeriod(
                m,
                start.AddMonths(m),
                targets[m],
                rosterHeads[m],
                rosterFte[m],
                rosterCapacity,
                required[m],
                required[m] - rosterFte[m],
                targets[m] - rosterCapacity,
                hiresByStart[m],
                planned,
                Math.Max(0m, required[m] - rosterFte[m] - planned));
        }

        var rampedTenure = FullyRampedTenure(input.RampCurve);
        var cohorts = new List<HiringCohort>();
        for (var s = 0; s < months; s++)
        {
            if (hiresByStart[s] > 0)
            {
                cohorts.Add(new HiringCohort(
                    start.AddMonths(s),
                    hiresByStart[s],
                    start.AddMonths(s - input.HiringLeadTimeMonths),
                    start.AddMonths(s + rampedTenure - 1),
                    start.AddMonths(neededFor[s])));
            }
        }

        return new CapacityPlan(periods, cohorts, hiresByStart.Sum());
    }

    /// <summary>
    /// Greedy, month by month: when a month is short, plan a cohort that starts just early enough to be fully ramped
    /// that month, or as early as the lead time allows, sized to cover the shortfall at the ramp it has reached.
    /// </summary>
    private static int[] PlanHires(CapacityPlanInput input, int[] required, decimal[] rosterFte, out int[] neededFor)
    {
        var months = required.Length;
        var hires = new int[months];
        neededFor = new int[months];
        var earliestStart = input.HiringLeadTimeMonths;
        var rampedTenure = FullyRampedTenure(input.RampCurve);
        for (var m = 0; m < months; m++)
        {
            var shortfall = required[m] - rosterFte[m] - PlannedFte(input.RampCurve, hires, m);
            if (shortfall <= 0)
            {
                continue;
            }

            var s = Math.Max(m - (rampedTenure - 1), earliestStart);
            if (s > m)
            {
                continue; // Nobody hired now can be on board in time; the period reports it as uncovered.
            }

            var factor = RampFactor(input.RampCurve, m - s + 1);
            if (factor == 0)
            {
                continue;
            }

            if (hires[s] == 0)
            {
                neededFor[s] = m;
            }

            hires[s] += (int)decimal.Ceiling(shortfall / factor);
        }

        return hires;
    }

    private static decimal PlannedFte(IReadOnlyList<decimal> ramp, int[] hiresByStart, int month)
    {
        decimal fte = 0;
        for (var s = 0; s <= month; s++)
        {
            if (hiresByStart[s] > 0)
            {
                fte += hiresByStart[s] * RampFactor(ramp, month - s + 1);
            }
        }

        return fte;
    }

    private static decimal RampFactor(IReadOnlyList<decimal> ramp, int tenure) =>
        tenure <= 0 ? 0m : tenure > ramp.Count ? 1m : ramp[tenure - 1];

    /// <summary>First month of tenure at 100 %: where the curve reaches 1, or the month after it ends.</summary>
    private static int FullyRampedTenure(IReadOnlyList<decimal> ramp)
    {
        for (var i = 0; i < ramp.Count; i++)
        {
            if (ramp[i] == 1m)
            {
                return i + 1;
            }
        }

        return ramp.Count + 1;
    }

    private static void Validate(CapacityPlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.RampCurve);
        ArgumentNullException.ThrowIfNull(input.Roster);
        if (input.AnnualTarget < 0)
        {
            throw new DomainException("PLAN_TARGET_NEGATIVE", $"The revenue target must not be negative, got {input.AnnualTarget}.");
        }

        if (input.ProductivityPerRampedRepPerMonth <= 0)
        {
            throw new DomainException("PLAN_PRODUCTIVITY_INVALID", $"Productivity per ramped rep must be positive, got {input.ProductivityPerRampedRepPerMonth}.");
        }

        Seasonality.Validate(input.Seasonality);
        for (var i = 0; i < input.RampCurve.Count; i++)
        {
            if (input.RampCurve[i] is < 0 or > 1)
            {
                throw new DomainException("PLAN_RAMP_INVALID", $"Ramp value {input.RampCurve[i]} for tenure month {i + 1} is outside 0..1.");
            }
        }

        if (input.AnnualAttritionRate is < 0 or > 1)
        {
            throw new DomainException("PLAN_ATTRITION_INVALID", $"Annual attrition must be between 0 and 1, got {input.AnnualAttritionRate}.");
        }

        if (input.HiringLeadTimeMonths < 0)
        {
            throw new DomainException("PLAN_LEAD_TIME_INVALID", $"Hiring lead time must not be negative, got {input.HiringLeadTimeMonths}.");
        }
    }
}
