namespace Spm.Domain.Compensation;

/// <summary>One participant in a <see cref="RunComparison"/>: payouts and earnings of both runs and the difference.</summary>
public sealed record ParticipantComparison(Guid ParticipantId, string Currency, decimal BaselinePayout, decimal CandidatePayout, decimal BaselineEarnings, decimal CandidateEarnings)
{
    public decimal PayoutDelta => CandidatePayout - BaselinePayout;
}
