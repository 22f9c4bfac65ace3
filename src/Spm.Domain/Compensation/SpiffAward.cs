namespace Spm.Domain.Compensation;

/// <summary>
/// A prize (e.g. a contest's) paid through compensation as a SPIFF line in the period containing
/// <see cref="AwardedOn"/>. <see cref="Reference"/> says what it is for, e.g. "Q3 blitz, 1st place".
/// </summary>
public sealed record SpiffAward(Guid AwardId, Guid ParticipantId, string Reference, decimal Amount, string Currency, DateOnly AwardedOn);
