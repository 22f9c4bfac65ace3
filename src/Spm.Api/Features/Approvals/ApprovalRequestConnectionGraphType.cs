using Spm.Api.Features.Relay;
using Spm.Domain.Approvals;

namespace Spm.Api.Features.Approvals;

/// <summary>A page of approval requests.</summary>
public sealed class ApprovalRequestConnectionGraphType() : ConnectionGraphType<ApprovalRequestGraphType, ApprovalRecord>("ApprovalRequest", "approval requests");
