using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Territories;

/// <summary>Input of assignTerritoryParticipant.</summary>
public sealed class AssignTerritoryParticipantInputGraphType : InputObjectGraphType
{
    public AssignTerritoryParticipantInputGraphType()
    {
        Name = "AssignTerritoryParticipantInput";
        Description = "Assigns a participant to a territory for a date range. Overlapping ranges for the same participant, territory and role are refused, and primary splits may not exceed 100 % on any day.";
        Field<NonNullGraphType<IdGraphType>>("territoryId").Description("The territory.");
        Field<NonNullGraphType<IdGraphType>>("participantId").Description("The participant.");
        Field<NonNullGraphType<TerritoryRoleGraphType>>("role").Description("Primary or overlay.");
        Field<DecimalStringGraphType>("splitPercent").Description("Share of the territory's credit, above 0 and at most 100 (default 100).");
        Field<NonNullGraphType<CalendarDateGraphType>>("effectiveFrom").Description("First day in force.");
        Field<CalendarDateGraphType>("effectiveTo").Description("Last day in force (inclusive); open-ended when omitted.");
    }
}
