namespace Spm.Domain.Compensation;

/// <summary>The statements of one calculation: one per participant with an assignment in the period, by participant id.</summary>
public sealed record CompensationResult
{
    public required CompPeriod Period { get; init; }

    public required IReadOnlyList<ParticipantResult> Participants { get; init; }

    /// <summary>Total payout per pay currency (sums of the participants' rounded totals).</summary>
    public required IReadOnlyDictionary<string, decimal> PayoutByCurrency { get; init; }

    /// <summary>Credits the calculation read (for progress and throughput figures).</summary>
    public int CreditsRead { get; init; }
}
