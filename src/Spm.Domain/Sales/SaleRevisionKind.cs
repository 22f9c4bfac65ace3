namespace Spm.Domain.Sales;

/// <summary>Why a revision of a sale exists.</summary>
public enum SaleRevisionKind
{
    /// <summary>The first delivery of the sale.</summary>
    Original,

    /// <summary>Changed content under the same external id: the old credits are reversed, new ones written.</summary>
    Amendment,

    /// <summary>The sale was cancelled: its credits are reversed and nothing replaces them.</summary>
    Cancellation,
}
