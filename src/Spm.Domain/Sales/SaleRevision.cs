namespace Spm.Domain.Sales;

/// <summary>
/// One entry of a sale's history, numbered from 1. A cancellation keeps the content it cancelled, so the
/// history reads as a ledger: what was sold, what it was changed to, when it was withdrawn.
/// </summary>
public sealed record SaleRevision(int Number, SaleRevisionKind Kind, Sale Content, DateTimeOffset RecordedAt)
{
    public SaleKey Key => Content.Key;

    public bool IsCancelled => Kind == SaleRevisionKind.Cancellation;

    public string ContentHash => Content.ContentHash;
}
