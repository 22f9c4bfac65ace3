namespace Spm.Domain.Compensation;

/// <summary>What a statement line is. Stored by name; never renumber.</summary>
public enum LineKind
{
    /// <summary>Commission on the credits of one rate table and tier.</summary>
    Commission = 1,

    /// <summary>A commission component's gate was not reached: zero, shown so the rep sees why.</summary>
    GateNotMet = 2,

    /// <summary>The reduction that brings a commission component down to its cap (negative).</summary>
    ComponentCap = 3,

    Bonus = 4,

    Spiff = 5,

    /// <summary>A contest prize or other award paid as a SPIFF.</summary>
    Award = 6,

    /// <summary>Minus what a sale cancelled within the clawback window earned in an earlier period.</summary>
    Clawback = 7,

    /// <summary>The reduction to the plan's per-period cap (negative).</summary>
    PeriodCap = 8,

    /// <summary>The reduction to the plan's fiscal-year cap (negative).</summary>
    TotalCap = 9,

    /// <summary>A correction of a locked earlier period (<see cref="StatementLine.AdjustsPeriod"/>).</summary>
    PriorPeriodAdjustment = 10,

    /// <summary>The draw paid to top earnings up to the guaranteed amount.</summary>
    Draw = 11,

    /// <summary>Repayment of an earlier recoverable draw out of this period's earnings (negative).</summary>
    DrawRecovery = 12,
}
