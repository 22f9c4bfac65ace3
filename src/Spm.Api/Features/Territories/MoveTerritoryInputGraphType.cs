using GraphQL.Types;

namespace Spm.Api.Features.Territories;

/// <summary>Input of moveTerritory.</summary>
public sealed class MoveTerritoryInputGraphType : InputObjectGraphType
{
    public MoveTerritoryInputGraphType()
    {
        Name = "MoveTerritoryInput";
        Description = "Moves a territory (with its subtree) under another parent.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The territory to move.");
        Field<IdGraphType>("parentId").Description("The new parent; null or omitted for the top level. A territory cannot move under itself or its descendants.");
    }
}
