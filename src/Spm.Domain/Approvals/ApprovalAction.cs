namespace Spm.Domain.Approvals;

/// <summary>What someone did to an approval request; kept in its history for the audit trail.</summary>
public enum ApprovalAction
{
    Submitted,
    Withdrawn,
    Approved,
    Rejected,
    Reopened,
}
