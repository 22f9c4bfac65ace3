namespace Spm.Domain.Compensation;

/// <summary>
/// A locked statement of an earlier period, and optionally that period calculated again with today's data.
/// </summary>
/// <remarks>
/// The engine reads <see cref="Locked"/> for clawbacks (what a cancelled credit earned) and for the plan's total
/// cap (what was already earned this fiscal year). When <see cref="Recomputed"/> is given, every earning component
/// whose total differs gets an adjustment line in the current period for the difference: locked periods never
/// change, corrections arrive in the next open period.
/// </remarks>
public sealed record PriorPeriodResult(ParticipantResult Locked, ParticipantResult? Recomputed = null);
