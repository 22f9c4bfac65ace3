using Spm.Domain.Common;

namespace Spm.Domain.Territories;

/// <summary>
/// The reference semantics, written for clarity rather than speed: walk the hierarchy depth-first in rule order and
/// interpret each rule directly. The compiled <see cref="TerritoryResolver"/> must always agree with it; it is also
/// handy to explain a single assignment.
/// </summary>
public sealed class NaiveTerritoryResolver : ITerritoryResolver
{
    private readonly Dictionary<Guid, (Guid TerritoryId, IReadOnlyList<Guid> Path)> overrides;
    private readonly Dictionary<Guid, HashSet<Guid>> exclusions;

    public NaiveTerritoryResolver(TerritoryHierarchy hierarchy, DateOnly on, IEnumerable<AccountOverride>? overrides = null, IEnumerable<AccountExclusion>? exclusions = null)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        Hierarchy = hierarchy;
        AsOf = on;
        this.overrides = OverrideTable.Build(hierarchy, on, overrides);
        this.exclusions = OverrideTable.Exclusions(exclusions);
    }

    public TerritoryHierarchy Hierarchy { get; }

    public DateOnly AsOf { get; }

    public TerritoryAssignment Resolve(AccountAttributes account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (overrides.TryGetValue(account.AccountId, out var o))
        {
            return new TerritoryAssignment(account.AccountId, o.TerritoryId, o.Path, true);
        }

        var leaves = new List<Guid>();
        Walk(null, account, leaves, firstOnly: true);
        return leaves.Count == 0
            ? new TerritoryAssignment(account.AccountId, null, [], false)
            : new TerritoryAssignment(account.AccountId, leaves[0], Hierarchy.PathTo(leaves[0]), false);
    }

    public IReadOnlyList<Guid> MatchingLeaves(AccountAttributes account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var leaves = new List<Guid>();
        Walk(null, account, leaves, firstOnly: false);
        return leaves;
    }

    /// <summary>Interprets one rule against one account.</summary>
    public static bool Evaluate(RuleExpression rule, AccountAttributes account) => rule switch
    {
        EqualsRule r => string.Equals(AccountFields.Text(account, RuleCompiler.Parse(r.Attribute)), r.Value, StringComparison.OrdinalIgnoreCase),
        InListRule r => r.Values.Any(v => string.Equals(AccountFields.Text(account, RuleCompiler.Parse(r.Attribute)), v, StringComparison.OrdinalIgnoreCase)),
        PostalPrefixRule r => account.PostalCode is { } code && r.Prefixes.Any(p => code.StartsWith(p, StringComparison.OrdinalIgnoreCase)),
        RangeRule r => AccountFields.Number(account, RuleCompiler.Parse(r.Attribute)) is var n && (r.Min is null || n >= r.Min) && (r.Max is null || n <= r.Max),
        AllOfRule r => r.Operands.All(o => Evaluate(o, account)),
        AnyOfRule r => r.Operands.Any(o => Evaluate(o, account)),
        _ => throw new DomainException("TERRITORY_RULE_UNKNOWN", $"Unsupported rule {rule?.GetType().Name ?? "null"}."),
    };

    private bool Walk(Guid? parent, AccountAttributes account, List<Guid> leaves, bool firstOnly)
    {
        exclusions.TryGetValue(account.AccountId, out var excluded);
        foreach (var node in Hierarchy.EffectiveChildren(parent, AsOf))
        {
            if (excluded?.Contains(node.Id) == true)
            {
                continue;
            }

            if (node.Rule is not null && !Evaluate(node.Rule, account))
            {
                continue;
            }

            var isLeaf = Hierarchy.EffectiveChildren(node.Id, AsOf).Count == 0;
            if (isLeaf)
            {
                // A leaf without a rule holds explicitly assigned accounts only.
                if (node.Rule is not null)
                {
                    leaves.Add(node.Id);
                    if (firstOnly)
                    {
                        return true;
                    }
                }
            }
            else if (Walk(node.Id, account, leaves, firstOnly) && firstOnly)
            {
                return true;
            }
        }

        return leaves.Count > 0 && firstOnly;
    }
}
