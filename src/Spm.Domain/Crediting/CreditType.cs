namespace Spm.Domain.Crediting;

/// <summary>Why a participant holds a credit. Stored by name; never renumber.</summary>
public enum CreditType
{
    /// <summary>The sale's owner (the whole sale, or the owner's line of the split table).</summary>
    Direct = 1,

    /// <summary>A co-seller's line of the split table, other than the owner's.</summary>
    Split = 2,

    /// <summary>A primary owner of the territory the account falls in on the close date.</summary>
    Territory = 3,

    /// <summary>A specialist assigned to that territory as an overlay (double credit by design).</summary>
    Overlay = 4,

    /// <summary>Indirect credit to a manager above credited reps.</summary>
    Rollup = 5,

    /// <summary>A delta written when a period is re-credited; <see cref="Credit.AdjustedType"/> says of what.</summary>
    Adjustment = 6,
}
