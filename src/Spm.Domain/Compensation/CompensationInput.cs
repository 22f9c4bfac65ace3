using Spm.Domain.Currency;

namespace Spm.Domain.Compensation;

/// <summary>
/// Everything one calculation reads. The engine never reaches outside it, so the same input always yields the
/// same statements, whatever order its lists are in.
/// </summary>
/// <remarks>
/// <para><see cref="Credits"/>: every credit of the participants that posts in <see cref="Period"/>; for quarter
/// and year bonuses also those of the bonus window before the period; and credits of earlier periods cancelled in
/// this one (for clawbacks). Credits outside these are ignored.</para>
/// <para><see cref="Fx"/> converts credits (at their posting date), quotas and plan amounts (at the period's last
/// day) into each participant's pay currency; it may be null when every amount is already in that currency.</para>
/// </remarks>
public sealed record CompensationInput
{
    public required CompPeriod Period { get; init; }

    /// <summary>Month (1-12) the fiscal year starts in; quarters and years of bonuses and total caps follow it.</summary>
    public int FiscalYearStartMonth { get; init; } = 1;

    /// <summary>Every plan version the assignments may refer to.</summary>
    public required IReadOnlyList<CompPlan> Plans { get; init; }

    public required IReadOnlyList<PlanAssignment> Assignments { get; init; }

    public required IReadOnlyList<CompCredit> Credits { get; init; }

    public IReadOnlyList<ParticipantQuota> Quotas { get; init; } = [];

    /// <summary>Opening recoverable draw balances; a participant without one starts at zero.</summary>
    public IReadOnlyList<DrawBalance> DrawBalances { get; init; } = [];

    /// <summary>Locked statements of earlier periods of the fiscal year (and recomputations of them).</summary>
    public IReadOnlyList<PriorPeriodResult> PriorPeriods { get; init; } = [];

    public IReadOnlyList<SpiffAward> Awards { get; init; } = [];

    public FxRateTable? Fx { get; init; }

    /// <summary>Calculate only these participants; everyone with an assignment in the period when null.</summary>
    public IReadOnlyCollection<Guid>? Participants { get; init; }

    /// <summary>Participants are independent, so they are calculated in parallel; 1 forces one thread.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
