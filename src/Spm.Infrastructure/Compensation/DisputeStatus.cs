namespace Spm.Infrastructure.Compensation;

/// <summary>Where a dispute stands. OPEN → IN_REVIEW → RESOLVED or REJECTED; the last two are final.</summary>
public enum DisputeStatus
{
    /// <summary>Raised by the rep, nobody has picked it up.</summary>
    Open,

    /// <summary>Sales operations is investigating.</summary>
    InReview,

    /// <summary>Accepted; usually with an adjustment.</summary>
    Resolved,

    /// <summary>Refused, with the reason.</summary>
    Rejected,
}
