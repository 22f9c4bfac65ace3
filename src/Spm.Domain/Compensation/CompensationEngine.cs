namespace Spm.Domain.Compensation;

/// <summary>
/// The incentive compensation engine: pure, in memory, deterministic. The same input gives the same statements
/// whatever the order of its lists, and participants are independent, so a run calculates them in parallel.
/// </summary>
/// <remarks>
/// Rounding: every statement line is rounded to the minor unit of the pay currency, half away from zero, from
/// its exact basis x rate; totals are sums of rounded lines and are never rounded again.
/// </remarks>
public static class CompensationEngine
{
    /// <summary>Statements for every participant with an assignment in the period (or those of <see cref="CompensationInput.Participants"/>).</summary>
    public static CompensationResult Calculate(CompensationInput input) => throw new NotImplementedException();

    /// <summary>One participant's statement; null when they have no assignment in the period.</summary>
    public static ParticipantResult? CalculateParticipant(CompensationInput input, Guid participantId) => throw new NotImplementedException();

    /// <summary>What <paramref name="deal"/> would pay <paramref name="participantId"/> in the input's period, given the credits so far.</summary>
    public static DealEstimate Estimate(CompensationInput input, Guid participantId, DealScenario deal) => throw new NotImplementedException();
}
