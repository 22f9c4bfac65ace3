namespace Spm.Domain.Quotas;

/// <summary>Why a quota's history gained a row.</summary>
public enum QuotaChangeAction
{
    /// <summary>Set by a top-down allocation.</summary>
    Allocated,

    /// <summary>Changed by hand (bottom-up).</summary>
    Adjusted,

    /// <summary>A team total that moved because a quota below it was adjusted.</summary>
    RolledUp,

    /// <summary>A period total (year, quarter) re-split or re-summed after an adjustment.</summary>
    Resplit,

    Submitted,
    Approved,
    Rejected,
}
