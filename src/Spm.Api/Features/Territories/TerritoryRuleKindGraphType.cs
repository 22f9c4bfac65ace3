using Spm.Api.Graph;

namespace Spm.Api.Features.Territories;

/// <summary>Rule operators.</summary>
public sealed class TerritoryRuleKindGraphType : DescribedEnumGraphType<TerritoryRuleKind>
{
    public TerritoryRuleKindGraphType()
        : base(
            "TerritoryRuleKind",
            "The operator of a territory rule.",
            new Dictionary<TerritoryRuleKind, string>
            {
                [TerritoryRuleKind.EqualTo] = "A text `attribute` equals `value` (case-insensitive).",
                [TerritoryRuleKind.InList] = "A text `attribute` is one of `values` (case-insensitive).",
                [TerritoryRuleKind.PostalPrefix] = "The postal code starts with one of `values` (the prefixes).",
                [TerritoryRuleKind.Range] = "A numeric `attribute` (employeeCount, annualRevenue, potential) lies within [`min`, `max`]; a missing bound is open.",
                [TerritoryRuleKind.AllOf] = "Every one of `operands` matches (AND).",
                [TerritoryRuleKind.AnyOf] = "At least one of `operands` matches (OR).",
            })
    {
    }
}
