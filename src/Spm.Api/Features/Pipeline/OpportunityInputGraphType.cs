using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Pipeline;

/// <summary>One opportunity to create or update.</summary>
public sealed class OpportunityInputGraphType : InputObjectGraphType
{
    public OpportunityInputGraphType()
    {
        Name = "OpportunityInput";
        Description = "An opportunity as the CRM knows it now; matched by (source, externalId), created when new, updated otherwise.";
        Field<NonNullGraphType<StringGraphType>>("source").Description("The source system (at most 64 characters).");
        Field<NonNullGraphType<StringGraphType>>("externalId").Description("The opportunity's id in the source system.");
        Field<StringGraphType>("name").Description("Display name.");
        Field<IdGraphType>("accountId").Description("The customer account, if any.");
        Field<NonNullGraphType<IdGraphType>>("ownerParticipantId").Description("Global id of the owning participant.");
        Field<NonNullGraphType<StringGraphType>>("stage").Description("Current stage, e.g. `Qualify`, `Proposal`, `Closed Won` (at most 64 characters).");
        Field<NonNullGraphType<DecimalStringGraphType>>("amount").Description("Expected amount, zero or more.");
        Field<NonNullGraphType<StringGraphType>>("currency").Description("ISO 4217 code of the amount.");
        Field<NonNullGraphType<DecimalStringGraphType>>("probability").Description("Win probability in percent, 0 to 100.");
        Field<CalendarDateGraphType>("expectedCloseDate").Description("When the deal is expected to close.");
        Field<NonNullGraphType<CalendarDateGraphType>>("createdOn").Description("When the opportunity was created in the CRM (for cycle length).");
        Field<CalendarDateGraphType>("wonOn").Description("When it was won, if it was.");
        Field<CalendarDateGraphType>("lostOn").Description("When it was lost, if it was.");
    }
}
