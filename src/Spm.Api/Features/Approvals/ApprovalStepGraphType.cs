using GraphQL.Types;
using Spm.Api.Features.Organisation;
using Spm.Domain.Approvals;

namespace Spm.Api.Features.Approvals;

/// <summary>GraphQL shape of <see cref="ApprovalStepRecord"/>.</summary>
public sealed class ApprovalStepGraphType : ObjectGraphType<ApprovalStepRecord>
{
    public ApprovalStepGraphType()
    {
        Name = "ApprovalStep";
        Description = "One step of an approval chain and its decision in the current round.";
        Field<NonNullGraphType<IntGraphType>>("step").Description("Position in the chain, 1 first.").Resolve(c => c.Source.Step + 1);
        Field<ParticipantGraphType>("approver").Description("The participant expected to decide this step.")
            .Resolve(c => c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().ParticipantById.LoadAsync(c.Source.ApproverId));
        Field<ApprovalActionGraphType>("decision").Description("APPROVED or REJECTED; null while undecided.").Resolve(c => c.Source.Decision);
        Field<ParticipantGraphType>("decidedBy").Description("Who decided (the approver, or an admin overriding); null when undecided or decided by a non-participant admin.")
            .Resolve(c => c.Source.DecidedBy is { } id && id != Guid.Empty ? c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().ParticipantById.LoadAsync(id) : null);
        Field<DateTimeGraphType>("decidedAt").Description("When (UTC).").Resolve(c => c.Source.DecidedAt?.UtcDateTime);
        Field<StringGraphType>("comment").Description("The decider's comment.").Resolve(c => c.Source.Comment);
        Field<NonNullGraphType<BooleanGraphType>>("adminOverride").Description("True when an admin decided in the approver's place.").Resolve(c => c.Source.AdminOverride);
    }
}
