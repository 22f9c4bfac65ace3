using GraphQL.Types;

namespace Spm.Api.Features.Territories;

/// <summary>Input of setTerritoryOverrides.</summary>
public sealed class SetTerritoryOverridesInputGraphType : InputObjectGraphType
{
    public SetTerritoryOverridesInputGraphType()
    {
        Name = "SetTerritoryOverridesInput";
        Description = "Replaces the explicit account overrides of one territory. An account may be included in one territory only.";
        Field<NonNullGraphType<IdGraphType>>("territoryId").Description("The territory.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("include").Description("Accounts that belong to the territory whatever the rules say.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("exclude").Description("Accounts the rules may not place in this territory or below it.");
    }
}
