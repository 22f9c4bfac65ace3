namespace Spm.Infrastructure.Compensation;

/// <summary>A period close: DRAFT (from a completed run) → SUBMITTED (manager, then finance) → APPROVED → LOCKED; REJECTED sends it back.</summary>
public enum PayoutStatus
{
    /// <summary>Built from a run, not yet submitted.</summary>
    Draft,

    /// <summary>Waiting for the approval chain.</summary>
    Submitted,

    /// <summary>Approved by everyone in the chain; can be locked.</summary>
    Approved,

    /// <summary>Rejected at a step; a new close is needed.</summary>
    Rejected,

    /// <summary>Handed to payroll; the period is locked.</summary>
    Locked,
}
