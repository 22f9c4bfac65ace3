using Spm.Api.Graph;
using Spm.Domain.Approvals;

namespace Spm.Api.Features.Approvals;

/// <summary>GraphQL enum of <see cref="ApprovalState"/>.</summary>
public sealed class ApprovalStateGraphType() : DescribedEnumGraphType<ApprovalState>(
    "ApprovalState",
    "Where an approval request is in its life.",
    new Dictionary<ApprovalState, string>
    {
        [ApprovalState.Draft] = "Prepared, not yet submitted.",
        [ApprovalState.Submitted] = "Waiting for the current step's approver.",
        [ApprovalState.Approved] = "Every step approved.",
        [ApprovalState.Rejected] = "Rejected at a step, with a comment.",
    });

/// <summary>GraphQL enum of <see cref="ApprovalAction"/>.</summary>
public sealed class ApprovalActionGraphType() : DescribedEnumGraphType<ApprovalAction>(
    "ApprovalAction",
    "What someone did to an approval request.",
    new Dictionary<ApprovalAction, string>
    {
        [ApprovalAction.Submitted] = "Submitted for approval (the chain starts at its first step).",
        [ApprovalAction.Withdrawn] = "Taken back to draft by the requester before a decision.",
        [ApprovalAction.Approved] = "A step approved.",
        [ApprovalAction.Rejected] = "A step rejected, with a comment.",
        [ApprovalAction.Reopened] = "A rejected request taken back to draft.",
    });
