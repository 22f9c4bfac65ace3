namespace Spm.Domain.Sales;

/// <summary>
/// The decision for one delivery: the outcome, the revision to store (null for a replay) and the revision it
/// supersedes, whose credits must be reversed (null for a new sale or a replay).
/// </summary>
public sealed record SaleChange(SaleChangeOutcome Outcome, SaleRevision? NewRevision, SaleRevision? Superseded)
{
    public bool ChangesAnything => Outcome != SaleChangeOutcome.Replayed;
}
