using Spm.Domain.Common;
using Spm.Domain.Organisation;
using Spm.Domain.Quotas;

namespace Spm.Domain.Planning;

/// <summary>
/// The company's revenue target for one fiscal year, its seasonality and the capacity assumptions
/// behind it. The period targets are derived (never typed in), so they always add up to the year.
/// </summary>
public sealed class SalesPlan : ITenantOwned
{
    private readonly List<SalesPlanTarget> targets = [];
    private decimal[] seasonalityWeights = [];
    private decimal[] rampCurve = [];

    public SalesPlan(
        Guid id,
        Guid tenantId,
        int fiscalYear,
        string name,
        string currency,
        decimal revenueTarget,
        IReadOnlyList<decimal> seasonality,
        CapacityAssumptions assumptions,
        DateTimeOffset at)
    {
        Id = id;
        TenantId = tenantId;
        FiscalYear = RequireFiscalYear(fiscalYear);
        Name = Guard.NotBlank(name, nameof(name), 200);
        Currency = CurrencyCode.Require(currency, nameof(currency));
        Status = SalesPlanStatus.Draft;
        CreatedAt = at;
        Revise(null, revenueTarget, seasonality, assumptions, null, at);
    }

    private SalesPlan()
    {
        Name = string.Empty;
        Currency = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>Named after the calendar year in which it ends; one plan per fiscal year.</summary>
    public int FiscalYear { get; private set; }

    public string Name { get; private set; }

    public string Currency { get; private set; }

    public decimal RevenueTarget { get; private set; }

    /// <summary>Twelve weights, fiscal month 1 first, summing to 100 %.</summary>
    public IReadOnlyList<decimal> SeasonalityWeights => seasonalityWeights;

    public SalesPlanStatus Status { get; private set; }

    public decimal ProductivityPerRampedRepPerMonth { get; private set; }

    public IReadOnlyList<decimal> RampCurve => rampCurve;

    public decimal AnnualAttritionRate { get; private set; }

    public int HiringLeadTimeMonths { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Year, quarter and month targets; empty until <see cref="SetTargets"/> has seen the year's periods.</summary>
    public IReadOnlyList<SalesPlanTarget> Targets => targets;

    public CapacityAssumptions Assumptions => new(ProductivityPerRampedRepPerMonth, rampCurve, AnnualAttritionRate, HiringLeadTimeMonths);

    /// <summary>Changes whatever is given (null leaves a value as it is); the caller then calls <see cref="SetTargets"/>.</summary>
    public void Revise(string? name, decimal? revenueTarget, IReadOnlyList<decimal>? seasonality, CapacityAssumptions? assumptions, SalesPlanStatus? status, DateTimeOffset at)
    {
        if (name is not null)
        {
            Name = Guard.NotBlank(name, nameof(name), 200);
        }

        if (revenueTarget is { } target)
        {
            RevenueTarget = RequireTarget(target, Currency);
        }

        if (seasonality is not null)
        {
            seasonalityWeights = RequireSeasonality(seasonality);
        }

        if (assumptions is not null)
        {
            assumptions.Validate();
            ProductivityPerRampedRepPerMonth = assumptions.ProductivityPerRampedRepPerMonth;
            rampCurve = [.. assumptions.RampCurve];
            AnnualAttritionRate = assumptions.AnnualAttritionRate;
            HiringLeadTimeMonths = assumptions.HiringLeadTimeMonths;
        }

        if (status is { } newStatus)
        {
            Status = newStatus;
        }

        UpdatedAt = at;
    }

    /// <summary>Splits the target over the fiscal year's periods (the 17 periods of <see cref="FiscalYear"/>).</summary>
    public SeasonalSplit SetTargets(IReadOnlyList<Period> periodsOfYear)
    {
        ArgumentNullException.ThrowIfNull(periodsOfYear);
        var year = periodsOfYear.Where(p => p.FiscalYear == FiscalYear).ToList();
        var split = Split();
        var fresh = new List<SalesPlanTarget>(17);
        foreach (var period in year)
        {
            var amount = period.Kind switch
            {
                PeriodKind.FiscalYear => split.Year,
                PeriodKind.Quarter => split.Quarters[period.Number - 1],
                _ => split.Months[period.Number - 1],
            };
            fresh.Add(new SalesPlanTarget(period.Id, period.Kind, period.Number, amount));
        }

        if (fresh.Count != 17)
        {
            throw new DomainException("PLAN_PERIODS_MISSING", $"Fiscal year {FiscalYear} has {fresh.Count} of its 17 periods; generate the calendar first.", "fiscalYear");
        }

        // Update in place: the rows keep their identity (plan, period), only amounts move.
        foreach (var target in fresh)
        {
            var existing = targets.FirstOrDefault(t => t.PeriodId == target.PeriodId);
            if (existing is null)
            {
                targets.Add(target);
            }
            else
            {
                existing.Set(target.Amount);
            }
        }

        return split;
    }

    /// <summary>The year, quarter and month targets by seasonality, exact to the currency's minor unit.</summary>
    public SeasonalSplit Split() => Seasonality.Split(RevenueTarget, seasonalityWeights, Unit(Currency));

    /// <summary>The capacity model's input for this plan's assumptions (or a what-if's) and a roster.</summary>
    public CapacityPlanInput CapacityInput(DateOnly planStart, IReadOnlyList<RosterMember> roster, CapacityAssumptions? whatIf = null, decimal? target = null, IReadOnlyList<decimal>? seasonality = null)
    {
        var a = whatIf ?? Assumptions;
        a.Validate();
        var weights = seasonality is null ? seasonalityWeights : RequireSeasonality(seasonality);
        var amount = target is { } t ? RequireTarget(t, Currency) : RevenueTarget;
        return new CapacityPlanInput(planStart, amount, weights, a.ProductivityPerRampedRepPerMonth, a.RampCurve, a.AnnualAttritionRate, a.HiringLeadTimeMonths, roster);
    }

    /// <summary>The rounding unit of a currency: its minor unit (cents for most).</summary>
    public static decimal Unit(string currency) => Quota.CurrencyUnit(currency);

    private static int RequireFiscalYear(int fiscalYear) =>
        fiscalYear is >= 2000 and <= 2200
            ? fiscalYear
            : throw new DomainException("PLAN_FISCAL_YEAR_INVALID", $"Fiscal year {fiscalYear} is outside 2000..2200.", "fiscalYear");

    private static decimal RequireTarget(decimal target, string currency)
    {
        if (target < 0)
        {
            throw new DomainException("PLAN_TARGET_NEGATIVE", $"The revenue target must not be negative, got {target}.", "revenueTarget");
        }

        var unit = Unit(currency);
        if (target / unit != decimal.Truncate(target / unit))
        {
            throw new DomainException("PLAN_TARGET_PRECISION", $"The revenue target {target} has more decimals than {currency} allows ({unit}).", "revenueTarget");
        }

        return target;
    }

    private static decimal[] RequireSeasonality(IReadOnlyList<decimal> weights)
    {
        try
        {
            Seasonality.Validate(weights, 12);
        }
        catch (DomainException ex) when (ex.Field is null)
        {
            throw new DomainException(ex.Code, ex.Message, "seasonality");
        }

        return [.. weights];
    }
}
