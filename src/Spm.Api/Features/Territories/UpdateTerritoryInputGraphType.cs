using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Territories;

/// <summary>Input of updateTerritory.</summary>
public sealed class UpdateTerritoryInputGraphType : InputObjectGraphType
{
    public UpdateTerritoryInputGraphType()
    {
        Name = "UpdateTerritoryInput";
        Description = "Changes to a territory; omitted fields keep their value. To change rules from a date (a new version), end this territory with `effectiveTo` and create its successor.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The territory.");
        Field<StringGraphType>("name").Description("New name.");
        Field<StringGraphType>("level").Description("New level name.");
        Field<IntGraphType>("priority").Description("New order among siblings.");
        Field<CalendarDateGraphType>("effectiveFrom").Description("New first day in force.");
        Field<CalendarDateGraphType>("effectiveTo").Description("New last day in force; pass null explicitly to make it open-ended.");
    }
}
