namespace Spm.Domain.Compensation;

/// <summary>How a tier table applies to the credited amount. Stored by name; never renumber.</summary>
public enum CommissionMethod
{
    /// <summary>Each slice of the amount is paid at the rate of the tier it falls in (like income tax brackets).</summary>
    Marginal = 1,

    /// <summary>The rate of the tier reached at the end of the period applies to the whole amount.</summary>
    Retroactive = 2,
}
