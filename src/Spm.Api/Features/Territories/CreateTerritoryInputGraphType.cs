using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Territories;

/// <summary>Input of createTerritory.</summary>
public sealed class CreateTerritoryInputGraphType : InputObjectGraphType
{
    public CreateTerritoryInputGraphType()
    {
        Name = "CreateTerritoryInput";
        Description = "A new territory.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Name, up to 200 characters.");
        Field<NonNullGraphType<StringGraphType>>("level").Description("Level name, e.g. `region`, `area`, `territory` (free text, up to 50 characters).");
        Field<IdGraphType>("parentId").Description("The enclosing territory; top level when omitted.");
        Field<IntGraphType>("priority").Description("Order among siblings, lower first (default 0).");
        Field<NonNullGraphType<CalendarDateGraphType>>("effectiveFrom").Description("First day in force.");
        Field<CalendarDateGraphType>("effectiveTo").Description("Last day in force (inclusive); open-ended when omitted.");
        Field<RuleMatchGraphType>("ruleMatch").Description("How `rules` combine (default ALL).");
        Field<ListGraphType<NonNullGraphType<TerritoryRuleInputGraphType>>>("rules").Description("Ordered rules; none for a parent that covers whatever its children cover, or a leaf of included accounts only.");
    }
}
