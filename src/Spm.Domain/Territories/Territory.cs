using Spm.Domain.Common;
using Spm.Domain.Organisation;

namespace Spm.Domain.Territories;

/// <summary>
/// A stored node of the territory hierarchy (region, area, territory or any level name), in force between two dates.
/// A redesign is versioned by dates: end the old node and create its successor, so resolution on any past date still
/// gives the answer it gave then. Its rules are an ordered list combined by <see cref="RuleMatch"/>; siblings are tried
/// in <see cref="Priority"/> order, which is what makes the rules "ordered" across territories.
/// </summary>
public sealed class Territory : ITenantOwned
{
    public const int MaxNameLength = 200;
    public const int MaxLevelLength = 50;

    private IReadOnlyList<RuleExpression>? rules;

    public Territory(Guid id, Guid tenantId, string name, string level, Guid? parentId, int priority, DateOnly effectiveFrom, DateOnly? effectiveTo)
    {
        Id = id;
        TenantId = tenantId;
        Name = Guard.NotBlank(name, nameof(name), MaxNameLength);
        Level = Guard.NotBlank(level, nameof(level), MaxLevelLength);
        ParentId = parentId;
        Priority = priority;
        RulesJson = "[]";
        SetDates(effectiveFrom, effectiveTo);
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public string Name { get; private set; }

    /// <summary>Free level name: "region", "area", "territory" or whatever the tenant calls its levels.</summary>
    public string Level { get; private set; }

    public Guid? ParentId { get; private set; }

    /// <summary>Order among siblings, lower first: the first sibling whose rules match an account wins it.</summary>
    public int Priority { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>Last day in force (inclusive); null while open-ended.</summary>
    public DateOnly? EffectiveTo { get; private set; }

    public RuleMatch RuleMatch { get; private set; }

    /// <summary>The rule list as stored (see <see cref="TerritoryRuleJson"/>).</summary>
    public string RulesJson { get; private set; }

    public IReadOnlyList<RuleExpression> Rules => rules ??= TerritoryRuleJson.Read(RulesJson);

    /// <summary>The rules as one expression for the engine; null when there are none.</summary>
    public RuleExpression? Rule => Rules.Count switch
    {
        0 => null,
        1 => Rules[0],
        _ => RuleMatch == RuleMatch.All ? new AllOfRule(Rules) : new AnyOfRule(Rules),
    };

    public TerritoryDefinition Definition() => new(Id, Name, ParentId, Priority, EffectiveFrom, EffectiveTo, Rule);

    public void Update(string name, string level, int priority, DateOnly effectiveFrom, DateOnly? effectiveTo)
    {
        Name = Guard.NotBlank(name, nameof(name), MaxNameLength);
        Level = Guard.NotBlank(level, nameof(level), MaxLevelLength);
        Priority = priority;
        SetDates(effectiveFrom, effectiveTo);
    }

    /// <summary>Moves the territory under <paramref name="parentId"/> (null: top level), refusing a cycle.</summary>
    public void MoveUnder(Guid? parentId, Func<Guid, Guid?> parentOf)
    {
        HierarchyGuard.EnsureNoCycle(Id, parentId, parentOf, "territory", "parentId");
        ParentId = parentId;
    }

    /// <summary>Replaces the rules, refusing an invalid one with an error naming it (rules[2].operands[0]) and its attribute.</summary>
    public void SetRules(IReadOnlyList<RuleExpression> newRules, RuleMatch match)
    {
        ArgumentNullException.ThrowIfNull(newRules);
        for (var i = 0; i < newRules.Count; i++)
        {
            Check(newRules[i], $"rules[{i}]", $"rules.{i}");
        }

        RulesJson = TerritoryRuleJson.Write(newRules);
        RuleMatch = match;
        rules = null;
    }

    private void Check(RuleExpression rule, string path, string field)
    {
        var operands = rule switch
        {
            AllOfRule r => r.Operands,
            AnyOfRule r => r.Operands,
            _ => null,
        };
        for (var i = 0; i < (operands?.Count ?? 0); i++)
        {
            Check(operands![i], $"{path}.operands[{i}]", $"{field}.operands.{i}");
        }

        try
        {
            RuleCompiler.Validate(rule, Name);
        }
        catch (DomainException e)
        {
            var where = e.Code is "TERRITORY_RULE_UNKNOWN_ATTRIBUTE" or "TERRITORY_RULE_TYPE" ? $"{field}.attribute" : field;
            var known = e.Code == "TERRITORY_RULE_UNKNOWN_ATTRIBUTE"
                ? " Known attributes: country, region (or state), county, city, postalCode, industry, employeeCount, annualRevenue, potential."
                : string.Empty;
            throw new DomainException(e.Code, $"Rule {path}: {e.Message}{known}", where);
        }
    }

    private void SetDates(DateOnly from, DateOnly? to)
    {
        if (to < from)
        {
            throw new DomainException("TERRITORY_DATES", $"Territory '{Name}' ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", "effectiveTo");
        }

        EffectiveFrom = from;
        EffectiveTo = to;
    }
}
