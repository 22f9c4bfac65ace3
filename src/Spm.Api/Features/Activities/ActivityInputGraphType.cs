using GraphQL.Types;

namespace Spm.Api.Features.Activities;

/// <summary>One activity to log.</summary>
public sealed class ActivityInputGraphType : InputObjectGraphType
{
    public ActivityInputGraphType()
    {
        Name = "ActivityInput";
        Description = "An activity as the CRM knows it; the same (source, externalId) sent again is ignored.";
        Field<NonNullGraphType<StringGraphType>>("source").Description("The source system (at most 64 characters).");
        Field<NonNullGraphType<StringGraphType>>("externalId").Description("The activity's id in the source system (at most 200 characters).");
        Field<NonNullGraphType<ActivityKindGraphType>>("kind").Description("What kind of activity.");
        Field<NonNullGraphType<IdGraphType>>("participantId").Description("Global id of the participant who did it.");
        Field<NonNullGraphType<DateTimeGraphType>>("occurredAt").Description("When it happened.");
        Field<IdGraphType>("accountId").Description("The customer account, if any.");
        Field<StringGraphType>("outcome").Description("Free-text outcome, e.g. `connected`, `no answer` (at most 200 characters).");
    }
}
