namespace Spm.Domain.Compensation;

/// <summary>
/// A participant on a plan from <see cref="From"/> to <see cref="To"/> (both inclusive, open-ended when null).
/// A participant may hold several assignments at once (e.g. a core plan and a product overlay plan).
/// </summary>
/// <remarks>
/// <para>With <see cref="PlanVersion"/> null, each day is paid under the version of the plan in force that day
/// (the highest version number when several are); with a version, under that version only (what-if runs pin an
/// unpublished version this way).</para>
/// <para>Partial periods are prorated by days: an assignment (or plan version) covering 10 of 30 days of the
/// period gets 10/30 of the quota, of the fixed amounts (draws, caps, fixed bonuses) and of the target incentive,
/// and only the credits posted on those days.</para>
/// <para>All assignments of one participant active in a period must share one <see cref="Currency"/>.</para>
/// </remarks>
public sealed record PlanAssignment
{
    public required Guid AssignmentId { get; init; }

    public required Guid ParticipantId { get; init; }

    public required Guid PlanId { get; init; }

    public int? PlanVersion { get; init; }

    public required DateOnly From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>Annual on-target earnings (base plus target incentive); shown on statements, not used in the math.</summary>
    public decimal OnTargetEarnings { get; init; }

    /// <summary>Annual target incentive, the base of bonuses paid as a percentage of target incentive.</summary>
    public decimal TargetIncentive { get; init; }

    /// <summary>The participant's pay currency: every statement line is in it.</summary>
    public required string Currency { get; init; }
}
