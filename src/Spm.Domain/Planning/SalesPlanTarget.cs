using Spm.Domain.Organisation;

namespace Spm.Domain.Planning;

/// <summary>A plan's target for one of its periods (the year, a quarter or a month), computed from the seasonality.</summary>
public sealed class SalesPlanTarget
{
    public SalesPlanTarget(Guid periodId, PeriodKind kind, int number, decimal amount)
    {
        PeriodId = periodId;
        Kind = kind;
        Number = number;
        Amount = amount;
    }

    public Guid PeriodId { get; private set; }

    public PeriodKind Kind { get; private set; }

    /// <summary>Quarter 1-4 or month 1-12 of the fiscal year; 1 for the year.</summary>
    public int Number { get; private set; }

    public decimal Amount { get; private set; }

    internal void Set(decimal amount) => Amount = amount;
}
