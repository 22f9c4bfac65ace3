using Spm.Domain.Common;

namespace Spm.Domain.Planning;

/// <summary>
/// The capacity assumptions stored with a sales plan; a what-if varies them without saving.
/// </summary>
/// <param name="ProductivityPerRampedRepPerMonth">Revenue a fully ramped seller brings in a month.</param>
/// <param name="RampCurve">Productivity share by month of tenure (hire month first); 100 % after the curve ends.</param>
/// <param name="AnnualAttritionRate">Expected share of the roster lost over a year (0.15 = 15 %).</param>
/// <param name="HiringLeadTimeMonths">Months from opening a requisition to the hire's first day.</param>
public sealed record CapacityAssumptions(
    decimal ProductivityPerRampedRepPerMonth,
    IReadOnlyList<decimal> RampCurve,
    decimal AnnualAttritionRate,
    int HiringLeadTimeMonths)
{
    /// <summary>Longest ramp a plan may store: three years of tenure is already far beyond practice.</summary>
    public const int MaxRampMonths = 36;

    /// <summary>Refuses impossible assumptions, naming the field (camelCase, as the API spells it).</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(RampCurve);
        if (ProductivityPerRampedRepPerMonth <= 0)
        {
            throw new DomainException("PLAN_PRODUCTIVITY_INVALID", $"Productivity per ramped rep must be positive, got {ProductivityPerRampedRepPerMonth}.", "productivityPerRampedRepPerMonth");
        }

        if (RampCurve.Count > MaxRampMonths)
        {
            throw new DomainException("PLAN_RAMP_INVALID", $"The ramp curve has {RampCurve.Count} months; at most {MaxRampMonths} are allowed.", "rampCurve");
        }

        for (var i = 0; i < RampCurve.Count; i++)
        {
            if (RampCurve[i] is < 0 or > 1)
            {
                throw new DomainException("PLAN_RAMP_INVALID", $"Ramp value {RampCurve[i]} for tenure month {i + 1} is outside 0..1.", "rampCurve");
            }
        }

        if (AnnualAttritionRate is < 0 or > 1)
        {
            throw new DomainException("PLAN_ATTRITION_INVALID", $"Annual attrition must be between 0 and 1, got {AnnualAttritionRate}.", "annualAttritionRate");
        }

        if (HiringLeadTimeMonths is < 0 or > 24)
        {
            throw new DomainException("PLAN_LEAD_TIME_INVALID", $"Hiring lead time must be between 0 and 24 months, got {HiringLeadTimeMonths}.", "hiringLeadTimeMonths");
        }
    }
}
