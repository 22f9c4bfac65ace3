namespace Spm.Domain.Sales;

/// <summary>What a delivery did to a sale's history.</summary>
public enum SaleChangeOutcome
{
    /// <summary>A new sale: revision 1.</summary>
    Recorded,

    /// <summary>The content changed: a new revision that supersedes the previous one.</summary>
    Amended,

    /// <summary>The sale was withdrawn: a cancellation revision.</summary>
    Cancelled,

    /// <summary>The same content (or a repeated cancellation) arrived again: nothing changes.</summary>
    Replayed,
}
