namespace Spm.Domain.Compensation;

/// <summary>
/// Reaching <see cref="Attainment"/> (fraction of quota) in the window pays <see cref="Amount"/> (plan currency)
/// or <see cref="PercentOfTargetIncentive"/> (a fraction of the window's share of the annual target incentive);
/// exactly one of the two is set.
/// </summary>
public sealed record BonusThreshold
{
    public required decimal Attainment { get; init; }

    public decimal? Amount { get; init; }

    public decimal? PercentOfTargetIncentive { get; init; }
}
