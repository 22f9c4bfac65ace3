using Spm.Domain.Crediting;

namespace Spm.Domain.Compensation;

/// <summary>
/// Bonuses at attainment thresholds over a month, quarter or year. Every threshold reached pays (they stack:
/// 100 % pays one amount, 120 % another on top), each once per window.
/// </summary>
/// <remarks>
/// The target incentive share of a window is a twelfth of the annual target incentive for a month, a quarter
/// for a quarter, all of it for a year, prorated by the days of the window the assignment covers. A quarter or
/// year bonus is paid in the period containing the window's last day and measures every credit of the window,
/// so the input must hold the window's credits (see <see cref="CompensationInput.Credits"/>).
/// </remarks>
public sealed record BonusComponent : PlanComponent
{
    public BonusFrequency Frequency { get; init; } = BonusFrequency.Month;

    /// <summary>Credit types counted for the bonus's attainment; empty means <see cref="CommissionComponent.DefaultCreditTypes"/>.</summary>
    public IReadOnlyList<CreditType> CreditTypes { get; init; } = [];

    public required IReadOnlyList<BonusThreshold> Thresholds { get; init; }
}
