namespace Spm.Domain.Planning;

/// <summary>
/// The assumptions of a capacity plan. A what-if is the same call with other assumptions.
/// </summary>
/// <param name="PlanStart">First month of the plan (any day of it; the month is what counts).</param>
/// <param name="AnnualTarget">Revenue target for the whole plan.</param>
/// <param name="Seasonality">One weight per month of the plan, summing to 100 %.</param>
/// <param name="ProductivityPerRampedRepPerMonth">Revenue a fully ramped seller brings in a month.</param>
/// <param name="RampCurve">Productivity share by month of tenure: [0.25, 0.5] means 25 % in the hire month, 50 % the next, 100 % after.</param>
/// <param name="AnnualAttritionRate">Expected share of the roster lost over a year (0.12 = 12 %), spread evenly over months.</param>
/// <param name="HiringLeadTimeMonths">Months from opening a requisition to the hire's first day.</param>
/// <param name="Roster">Sellers on the roster at plan start (including signed hires with a future start date).</param>
public sealed record CapacityPlanInput(
    DateOnly PlanStart,
    decimal AnnualTarget,
    IReadOnlyList<decimal> Seasonality,
    decimal ProductivityPerRampedRepPerMonth,
    IReadOnlyList<decimal> RampCurve,
    decimal AnnualAttritionRate,
    int HiringLeadTimeMonths,
    IReadOnlyList<RosterMember> Roster);
