using Spm.Domain.Crediting;

namespace Spm.Domain.Events;

/// <summary>
/// The net change of one participant's credit of one type, posted on one date, in the reporting currency.
/// Adjustments are reported under the type they adjust, so a leaderboard by type needs no special case.
/// </summary>
public sealed record CreditDelta(Guid ParticipantId, CreditType Type, decimal ReportingAmount, DateOnly PostingDate);
