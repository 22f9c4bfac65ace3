namespace Spm.Domain.Compensation;

/// <summary>
/// A participant's quota over [<see cref="From"/>, <see cref="To"/>] (both inclusive). A quota spanning more than
/// the window being measured counts pro rata by days (a quarter's quota in one month counts 31/92 of it).
/// </summary>
public sealed record ParticipantQuota(Guid ParticipantId, DateOnly From, DateOnly To, decimal Amount, string Currency);
