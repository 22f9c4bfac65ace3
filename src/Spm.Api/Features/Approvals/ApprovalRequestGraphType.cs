using GraphQL.Types;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Relay;
using Spm.Domain.Approvals;

namespace Spm.Api.Features.Approvals;

/// <summary>A stored approval request.</summary>
public sealed class ApprovalRequestGraphType : ObjectGraphType<ApprovalRecord>
{
    public const string TypeName = "ApprovalRequest";

    public ApprovalRequestGraphType()
    {
        Name = TypeName;
        Description = "A request to approve something (quotas today; comp plans, forecasts and payouts later) through a chain of approvers that climbs the manager chain.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is ApprovalRecord;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id.").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("subjectKind").Description("What is being approved, e.g. `quota`.").Resolve(c => c.Source.SubjectKind);
        Field<NonNullGraphType<IdGraphType>>("subjectId").Description("Global id of the subject (for `quota`, the team or participant quota whose subtree is submitted).")
            .Resolve(c => GlobalId.Encode(SubjectTypeName(c.Source.SubjectKind), c.Source.SubjectId));
        Field<NonNullGraphType<StringGraphType>>("title").Description("Human label, e.g. \"FY2027 Revenue quotas of EMEA\".").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<ApprovalStateGraphType>>("state").Description("Draft, submitted, approved or rejected.").Resolve(c => c.Source.State);
        Field<ParticipantGraphType>("requestedBy").Description("The participant who submitted; null when an admin client did.")
            .Resolve(c => c.Source.RequestedBy != Guid.Empty ? c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().ParticipantById.LoadAsync(c.Source.RequestedBy) : null);
        Field<ParticipantGraphType>("currentApprover").Description("Who must decide next; null unless submitted.")
            .Resolve(c => c.Source.CurrentApprover is { } id ? c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().ParticipantById.LoadAsync(id) : null);
        Field<NonNullGraphType<IntGraphType>>("currentStep").Description("The step waiting for a decision (1 first); the chain length plus one once approved.").Resolve(c => c.Source.CurrentStep + 1);
        Field<StringGraphType>("rejectionComment").Description("Why it was rejected; set only while rejected.").Resolve(c => c.Source.RejectionComment);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApprovalStepGraphType>>>>("steps").Description("The chain, first approver first, with this round's decisions.")
            .Resolve(c => c.Source.Steps.OrderBy(s => s.Step).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApprovalEventGraphType>>>>("history").Description("Everything that happened, oldest first.")
            .Resolve(c => c.Source.Events.OrderBy(e => e.Sequence).ToList());
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Description("When the request was created (UTC).").Resolve(c => c.Source.CreatedAt.UtcDateTime);
        Field<NonNullGraphType<DateTimeGraphType>>("updatedAt").Description("When it last changed (UTC).").Resolve(c => c.Source.UpdatedAt.UtcDateTime);
    }

    /// <summary>The GraphQL type name of a subject kind's global ids ("quota" -> "Quota").</summary>
    public static string SubjectTypeName(string kind) => kind.Length == 0 ? kind : char.ToUpperInvariant(kind[0]) + kind[1..];
}
