namespace Spm.Api.Features.Territories;

/// <summary>The operator of one rule node, as the API names it.</summary>
public enum TerritoryRuleKind
{
    EqualTo,
    InList,
    PostalPrefix,
    Range,
    AllOf,
    AnyOf,
}
