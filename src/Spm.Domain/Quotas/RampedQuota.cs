using Spm.Domain.Common;

namespace Spm.Domain.Quotas;

/// <summary>Applies a ramp (percentages by month of tenure) to a full monthly quota, so new hires are not measured as veterans.</summary>
public static class RampedQuota
{
    /// <summary>
    /// Builds the quota for <paramref name="months"/> consecutive months starting at <paramref name="firstMonth"/>.
    /// The hire month counts as tenure month 1 whatever the day of hire (a simple, explainable rule);
    /// months after the ramp run out are at 100 %, months before the hire are at 0 %.
    /// Each month is rounded to <paramref name="unit"/> half away from zero, as people would on paper.
    /// </summary>
    public static IReadOnlyList<RampedQuotaMonth> Schedule(
        decimal fullMonthlyQuota,
        DateOnly hireDate,
        DateOnly firstMonth,
        int months,
        IReadOnlyList<decimal> rampPercentages,
        decimal unit)
    {
        ArgumentNullException.ThrowIfNull(rampPercentages);
        if (fullMonthlyQuota < 0)
        {
            throw new DomainException("QUOTA_NEGATIVE", $"The full quota must not be negative, got {fullMonthlyQuota}.");
        }

        if (months < 0)
        {
            throw new DomainException("QUOTA_MONTHS_INVALID", $"The number of months must not be negative, got {months}.");
        }

        if (unit <= 0)
        {
            throw new DomainException("ALLOCATION_UNIT_INVALID", $"The rounding unit must be positive, got {unit}.");
        }

        for (var i = 0; i < rampPercentages.Count; i++)
        {
            if (rampPercentages[i] is < 0 or > 1)
            {
                throw new DomainException("QUOTA_RAMP_INVALID", $"Ramp value {rampPercentages[i]} for tenure month {i + 1} is outside 0..1.");
            }
        }

        var result = new RampedQuotaMonth[months];
        var start = new DateOnly(firstMonth.Year, firstMonth.Month, 1);
        for (var m = 0; m < months; m++)
        {
            var month = start.AddMonths(m);
            var tenure = TenureMonth(hireDate, month);
            var percentage = tenure <= 0 ? 0m : tenure > rampPercentages.Count ? 1m : rampPercentages[tenure - 1];
            var quota = Math.Round(fullMonthlyQuota * percentage / unit, MidpointRounding.AwayFromZero) * unit;
            result[m] = new RampedQuotaMonth(month, Math.Max(tenure, 0), percentage, quota);
        }

        return result;
    }

    /// <summary>Month of tenure of <paramref name="month"/> for someone hired on <paramref name="hireDate"/>: 1 in the hire month.</summary>
    public static int TenureMonth(DateOnly hireDate, DateOnly month) =>
        ((month.Year - hireDate.Year) * 12) + (month.Month - hireDate.Month) + 1;
}
