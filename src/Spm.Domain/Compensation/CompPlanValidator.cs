using System.Globalization;
using Spm.Domain.Common;

namespace Spm.Domain.Compensation;

/// <summary>
/// The rules a plan must satisfy, checked in one place for plans read from JSON and plans built in code. A
/// broken rule throws <c>COMP_PLAN_INVALID</c> whose field is the JSON path of the offending value
/// (e.g. <c>$.components[1].rateTables[0].tiers[2].from</c>), so an editor can point at it.
/// </summary>
internal static class CompPlanValidator
{
    public const string Code = "COMP_PLAN_INVALID";

    /// <summary>A rate above 1000 % is a typo (someone typed 5 for 5 %), not a plan.</summary>
    public const decimal MaxRate = 10m;

    public static void Validate(CompPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Version < 1)
        {
            throw Fail("$.version", "must be 1 or more");
        }

        if (string.IsNullOrWhiteSpace(plan.Name) || plan.Name.Length > 200)
        {
            throw Fail("$.name", "must be 1 to 200 characters, not blank");
        }

        if (!CurrencyCode.IsValid(plan.Currency))
        {
            throw Fail("$.currency", "must be an ISO 4217 code (three upper-case letters)");
        }

        if (plan.EffectiveTo is { } to && to < plan.EffectiveFrom)
        {
            throw Fail("$.effectiveTo", "must not be before effectiveFrom");
        }

        NonNegative(plan.PeriodCap, "$.periodCap");
        NonNegative(plan.TotalCap, "$.totalCap");
        if (plan.Components is null || plan.Components.Count > CompPlan.MaxComponents)
        {
            throw Fail("$.components", string.Create(CultureInfo.InvariantCulture, $"must be a list of at most {CompPlan.MaxComponents} components"));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var draws = 0;
        var clawbacks = 0;
        for (var i = 0; i < plan.Components.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.components[{i}]");
            var component = plan.Components[i] ?? throw Fail(path, "must not be null");
            if (string.IsNullOrWhiteSpace(component.Id) || component.Id.Length > PlanComponent.MaxIdLength)
            {
                throw Fail(path + ".id", string.Create(CultureInfo.InvariantCulture, $"must be 1 to {PlanComponent.MaxIdLength} characters, not blank"));
            }

            if (!ids.Add(component.Id))
            {
                throw Fail(path + ".id", $"'{component.Id}' is used by another component of the plan");
            }

            if (string.IsNullOrWhiteSpace(component.Name) || component.Name.Length > 200)
            {
                throw Fail(path + ".name", "must be 1 to 200 characters, not blank");
            }

            switch (component)
            {
                case CommissionComponent commission:
                    Commission(commission, path);
                    break;
                case BonusComponent bonus:
                    Bonus(bonus, path);
                    break;
                case SpiffComponent spiff:
                    Spiff(spiff, path);
                    break;
                case DrawComponent draw:
                    NonNegative(draw.Amount, path + ".amount");
                    if (++draws > 1)
                    {
                        throw Fail(path, "a plan has at most one draw (one balance to carry)");
                    }

                    break;
                case ClawbackComponent clawback:
                    if (clawback.WindowDays is < 0 or > 3660)
                    {
                        throw Fail(path + ".windowDays", "must be 0 to 3660 days");
                    }

                    if (++clawbacks > 1)
                    {
                        throw Fail(path, "a plan has at most one clawback");
                    }

                    break;
                default:
                    throw Fail(path + ".type", $"{component.GetType().Name} is not a component this engine knows");
            }
        }

        for (var i = 0; i < plan.Components.Count; i++)
        {
            if (plan.Components[i] is not ClawbackComponent clawback)
            {
                continue;
            }

            for (var j = 0; j < clawback.AppliesTo.Count; j++)
            {
                var target = plan.Components.FirstOrDefault(c => string.Equals(c.Id, clawback.AppliesTo[j], StringComparison.Ordinal));
                if (target is not (CommissionComponent or SpiffComponent))
                {
                    throw Fail(string.Create(CultureInfo.InvariantCulture, $"$.components[{i}].appliesTo[{j}]"), $"'{clawback.AppliesTo[j]}' is not a commission or SPIFF component of the plan");
                }
            }
        }
    }

    private static void Commission(CommissionComponent commission, string path)
    {
        if (!Enum.IsDefined(commission.Method))
        {
            throw Fail(path + ".method", "must be MARGINAL or RETROACTIVE");
        }

        CreditTypes(commission.CreditTypes, path + ".creditTypes");
        NonNegative(commission.Gate, path + ".gate");
        NonNegative(commission.Cap, path + ".cap");
        if (commission.RateTables is null || commission.RateTables.Count == 0)
        {
            throw Fail(path + ".rateTables", "needs at least one rate table");
        }

        var keys = new HashSet<(string?, string?)>();
        for (var t = 0; t < commission.RateTables.Count; t++)
        {
            var tablePath = string.Create(CultureInfo.InvariantCulture, $"{path}.rateTables[{t}]");
            var table = commission.RateTables[t] ?? throw Fail(tablePath, "must not be null");
            if (table.Product is { } product && string.IsNullOrWhiteSpace(product))
            {
                throw Fail(tablePath + ".product", "must not be blank (leave it out for any product)");
            }

            if (table.Segment is { } segment && string.IsNullOrWhiteSpace(segment))
            {
                throw Fail(tablePath + ".segment", "must not be blank (leave it out for any segment)");
            }

            if (!keys.Add((table.Product, table.Segment)))
            {
                throw Fail(tablePath, "another table has the same product and segment");
            }

            if (table.Tiers is null || table.Tiers.Count == 0)
            {
                throw Fail(tablePath + ".tiers", "needs at least one tier");
            }

            for (var i = 0; i < table.Tiers.Count; i++)
            {
                var tierPath = string.Create(CultureInfo.InvariantCulture, $"{tablePath}.tiers[{i}]");
                var tier = table.Tiers[i] ?? throw Fail(tierPath, "must not be null");
                if (i == 0 && tier.From != 0m)
                {
                    throw Fail(tierPath + ".from", "the first tier must start at 0");
                }

                if (i > 0 && tier.From <= table.Tiers[i - 1].From)
                {
                    throw Fail(tierPath + ".from", "must be above the previous tier's from");
                }

                if (tier.Rate < 0m || tier.Rate > MaxRate)
                {
                    throw Fail(tierPath + ".rate", "must be a fraction from 0 to 10 (0.05 is 5 %)");
                }
            }
        }
    }

    private static void Bonus(BonusComponent bonus, string path)
    {
        if (!Enum.IsDefined(bonus.Frequency))
        {
            throw Fail(path + ".frequency", "must be MONTH, QUARTER or YEAR");
        }

        CreditTypes(bonus.CreditTypes, path + ".creditTypes");
        if (bonus.Thresholds is null || bonus.Thresholds.Count == 0)
        {
            throw Fail(path + ".thresholds", "needs at least one threshold");
        }

        for (var i = 0; i < bonus.Thresholds.Count; i++)
        {
            var thresholdPath = string.Create(CultureInfo.InvariantCulture, $"{path}.thresholds[{i}]");
            var threshold = bonus.Thresholds[i] ?? throw Fail(thresholdPath, "must not be null");
            NonNegative(threshold.Attainment, thresholdPath + ".attainment");
            if (i > 0 && threshold.Attainment <= bonus.Thresholds[i - 1].Attainment)
            {
                throw Fail(thresholdPath + ".attainment", "must be above the previous threshold's attainment");
            }

            if ((threshold.Amount is null) == (threshold.PercentOfTargetIncentive is null))
            {
                throw Fail(thresholdPath + ".amount", "set exactly one of amount and percentOfTargetIncentive");
            }

            NonNegative(threshold.Amount, thresholdPath + ".amount");
            NonNegative(threshold.PercentOfTargetIncentive, thresholdPath + ".percentOfTargetIncentive");
        }
    }

    private static void Spiff(SpiffComponent spiff, string path)
    {
        if (spiff.To < spiff.From)
        {
            throw Fail(path + ".to", "must not be before from");
        }

        if (!Enum.IsDefined(spiff.Basis))
        {
            throw Fail(path + ".basis", "must be PER_UNIT or PER_DEAL");
        }

        NonNegative(spiff.Amount, path + ".amount");
        CreditTypes(spiff.CreditTypes, path + ".creditTypes");
        for (var i = 0; i < spiff.Products.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(spiff.Products[i]))
            {
                throw Fail(string.Create(CultureInfo.InvariantCulture, $"{path}.products[{i}]"), "must not be blank");
            }
        }
    }

    private static void CreditTypes(IReadOnlyList<Crediting.CreditType> types, string path)
    {
        for (var i = 0; i < types.Count; i++)
        {
            if (!Enum.IsDefined(types[i]) || types[i] == Crediting.CreditType.Adjustment)
            {
                throw Fail(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), "must be DIRECT, SPLIT, TERRITORY, OVERLAY or ROLLUP");
            }

            for (var j = 0; j < i; j++)
            {
                if (types[j] == types[i])
                {
                    throw Fail(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), "is listed twice");
                }
            }
        }
    }

    private static void NonNegative(decimal? value, string path)
    {
        if (value < 0m)
        {
            throw Fail(path, "must not be negative");
        }
    }

    internal static DomainException Fail(string path, string problem) => new(Code, $"{path} {problem}.", path);
}
