using Spm.Domain.Crediting;

namespace Spm.Domain.Compensation;

/// <summary>
/// One credit as the engine sees it. A struct because a run reads millions of them.
/// </summary>
/// <remarks>
/// <see cref="Type"/> is the type that counts: for an adjustment credit pass the type it corrects
/// (<see cref="Credit.BaseType"/>). A reversal is a credit with a negative amount. <see cref="PostingDate"/>
/// decides the period it pays in; <see cref="CloseDate"/> decides SPIFF windows and clawback windows.
/// <para>Cancellations: set <see cref="CancelledOn"/> on every row of a cancelled sale, and leave out the reversal
/// rows the cancellation itself wrote. Under a plan with a clawback rule, a row cancelled by the period's end
/// within the window counts for nothing where it posts, and a row paid in a locked earlier period is taken back
/// by a clawback line; cancelled after the window it keeps counting (earnings are kept). The cancellation's own
/// reversal rows would take the deal back a second time, hence they stay out.</para>
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

    /// <summary>Units sold, for per-unit SPIFFs, in the same share as <see cref="Amount"/> of the sale; 0 (the default) pays no per-unit SPIFF.</summary>
    public decimal Quantity { get; init; }

    public DateOnly CloseDate { get; init; }

    public DateOnly PostingDate { get; init; }

    /// <summary>When the sale was cancelled, if it was.</summary>
    public DateOnly? CancelledOn { get; init; }
}
