using GraphQL.Types;

namespace Spm.Api.Features.Territories;

/// <summary>Input of setTerritoryRules.</summary>
public sealed class SetTerritoryRulesInputGraphType : InputObjectGraphType
{
    public SetTerritoryRulesInputGraphType()
    {
        Name = "SetTerritoryRulesInput";
        Description = "Replaces a territory's rules. A rule naming an unknown attribute is refused with an error naming the rule (e.g. `rules[1].operands[0]`) and the attribute.";
        Field<NonNullGraphType<IdGraphType>>("territoryId").Description("The territory.");
        Field<RuleMatchGraphType>("ruleMatch").Description("How the rules combine (default ALL).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TerritoryRuleInputGraphType>>>>("rules").Description("The ordered rules; an empty list removes them.");
    }
}
