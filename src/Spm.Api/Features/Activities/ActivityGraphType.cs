using GraphQL.Types;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Relay;
using Spm.Infrastructure.Activities;

namespace Spm.Api.Features.Activities;

/// <summary>A logged selling activity.</summary>
public sealed class ActivityGraphType : ObjectGraphType<Activity>
{
    public ActivityGraphType()
    {
        Name = "Activity";
        Description = "A call, email, meeting, demo or visit logged by a participant, identified by (source, externalId).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode("Activity", c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("source").Description("The system the activity came from.").Resolve(c => c.Source.Source);
        Field<NonNullGraphType<StringGraphType>>("externalId").Description("The activity's id in its source system.").Resolve(c => c.Source.ExternalId);
        Field<NonNullGraphType<ActivityKindGraphType>>("kind").Description("What kind of activity.").Resolve(c => Enum.Parse<ActivityKind>(c.Source.Kind));
        Field<ParticipantGraphType>("participant").Description("Who did it.")
            .Resolve(c => c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().ParticipantById.LoadAsync(c.Source.ParticipantId));
        Field<NonNullGraphType<DateTimeGraphType>>("occurredAt").Description("When it happened (UTC).").Resolve(c => c.Source.OccurredAt.UtcDateTime);
        Field<IdGraphType>("accountId").Description("The customer account's id, when given.").Resolve(c => c.Source.AccountId?.ToString());
        Field<StringGraphType>("outcome").Description("Outcome as sent by the source, e.g. `connected`.").Resolve(c => c.Source.Outcome);
    }
}
