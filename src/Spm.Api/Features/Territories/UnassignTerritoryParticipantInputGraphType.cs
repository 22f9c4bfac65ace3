using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Territories;

/// <summary>Input of unassignTerritoryParticipant.</summary>
public sealed class UnassignTerritoryParticipantInputGraphType : InputObjectGraphType
{
    public UnassignTerritoryParticipantInputGraphType()
    {
        Name = "UnassignTerritoryParticipantInput";
        Description = "Ends an assignment on a date (history kept), or deletes it when no date is given (a mistake).";
        Field<NonNullGraphType<IdGraphType>>("assignmentId").Description("The assignment (`TerritoryAssignment.id`).");
        Field<CalendarDateGraphType>("effectiveTo").Description("Last day in force; the assignment is deleted when omitted.");
    }
}
