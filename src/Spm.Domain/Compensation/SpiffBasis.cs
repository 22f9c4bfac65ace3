namespace Spm.Domain.Compensation;

/// <summary>What a SPIFF amount is paid per. Stored by name; never renumber.</summary>
public enum SpiffBasis
{
    /// <summary>Per unit sold (the credit's quantity), pro rata to the participant's share of the deal.</summary>
    PerUnit = 1,

    /// <summary>Once per deal (sale) the participant holds a counted credit on.</summary>
    PerDeal = 2,
}
