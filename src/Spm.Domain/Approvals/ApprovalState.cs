namespace Spm.Domain.Approvals;

/// <summary>Where an approval request is in its life.</summary>
public enum ApprovalState
{
    Draft,
    Submitted,
    Approved,
    Rejected,
}
