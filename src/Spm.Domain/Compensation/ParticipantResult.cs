namespace Spm.Domain.Compensation;

/// <summary>
/// One participant's statement for a period: the lines and their totals, all in <see cref="Currency"/>.
/// </summary>
/// <remarks>
/// Totals are sums of rounded lines: <see cref="Earnings"/> sums every line but draw and draw recovery;
/// <see cref="Payout"/> sums every line (earnings plus draw minus recovery). <see cref="DrawBalanceCarried"/> is
/// the recoverable balance owed after this period, the next period's opening balance.
/// </remarks>
public sealed record ParticipantResult
{
    public required Guid ParticipantId { get; init; }

    public required CompPeriod Period { get; init; }

    public required string Currency { get; init; }

    public required IReadOnlyList<StatementLine> Lines { get; init; }

    /// <summary>Counted credits of the period (all commission components' credit types), in pay currency.</summary>
    public decimal Credited { get; init; }

    /// <summary>The period's quota in pay currency, or null when there is none.</summary>
    public decimal? Quota { get; init; }

    /// <summary><see cref="Credited"/> / <see cref="Quota"/> as a fraction (1.0 = 100 %); null without a quota.</summary>
    public decimal? Attainment { get; init; }

    public required decimal Earnings { get; init; }

    public decimal DrawPaid { get; init; }

    /// <summary>Repaid this period (positive; the recovery lines are its negatives).</summary>
    public decimal DrawRecovered { get; init; }

    public required decimal Payout { get; init; }

    public decimal DrawBalanceBefore { get; init; }

    public decimal DrawBalanceCarried { get; init; }

    /// <summary>The assignments that applied in the period.</summary>
    public IReadOnlyList<Guid> AssignmentIds { get; init; } = [];
}
