using Spm.Domain.Crediting;

namespace Spm.Domain.Compensation;

/// <summary>
/// One credit as the engine sees it. A struct because a run reads millions of them.
/// </summary>
/// <remarks>
/// <see cref="Type"/> is the type that counts: for an adjustment credit pass the type it corrects
/// (<see cref="Credit.BaseType"/>). A reversal is a credit with a negative amount. <see cref="PostingDate"/>
/// decides the period it pays in; <see cref="CloseDate"/> decides SPIFF windows and clawback windows.
/// </remarks>
public readonly record struct CompCredit
{
    public Guid CreditId { get; init; }

    public Guid ParticipantId { get; init; }

    public Guid SaleId { get; init; }

    public CreditType Type { get; init; }

    public decimal Amount { get; init; }

    public string Currency { get; init; }

    public string? Product { get; init; }

    public string? Segment { get; init; }

    /// <summary>Units sold, for per-unit SPIFFs, in the same share as <see cref="Amount"/> of the sale.</summary>
    public decimal Quantity { get; init; }

    public DateOnly CloseDate { get; init; }

    public DateOnly PostingDate { get; init; }

    /// <summary>When the sale was cancelled, if it was.</summary>
    public DateOnly? CancelledOn { get; init; }
}
