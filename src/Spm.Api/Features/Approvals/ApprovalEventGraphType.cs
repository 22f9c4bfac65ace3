using GraphQL.Types;
using Spm.Api.Features.Organisation;
using Spm.Domain.Approvals;

namespace Spm.Api.Features.Approvals;

/// <summary>GraphQL shape of <see cref="ApprovalEventRecord"/>.</summary>
public sealed class ApprovalEventGraphType : ObjectGraphType<ApprovalEventRecord>
{
    public ApprovalEventGraphType()
    {
        Name = "ApprovalEvent";
        Description = "One entry of an approval request's history.";
        Field<NonNullGraphType<ApprovalActionGraphType>>("action").Description("What was done.").Resolve(c => c.Source.Action);
        Field<ParticipantGraphType>("actor").Description("The participant who acted; null for a caller who is not one (an admin client).")
            .Resolve(c => c.Source.ActorId != Guid.Empty ? c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().ParticipantById.LoadAsync(c.Source.ActorId) : null);
        Field<NonNullGraphType<StringGraphType>>("actorName").Description("The token subject of the actor.").Resolve(c => c.Source.ActorName);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Description("When (UTC).").Resolve(c => c.Source.At.UtcDateTime);
        Field<IntGraphType>("step").Description("The chain step decided (1 first); null for submit, withdraw and reopen.").Resolve(c => c.Source.Step + 1);
        Field<NonNullGraphType<BooleanGraphType>>("adminOverride").Description("True when an admin acted in someone else's place.").Resolve(c => c.Source.AdminOverride);
        Field<StringGraphType>("comment").Description("Comment given with the action.").Resolve(c => c.Source.Comment);
    }
}
