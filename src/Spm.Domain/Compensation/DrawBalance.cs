namespace Spm.Domain.Compensation;

/// <summary>What a participant owes back on recoverable draws at the start of the period (zero or positive).</summary>
public sealed record DrawBalance(Guid ParticipantId, decimal Amount, string Currency);
