namespace Spm.Domain.Contests;

/// <summary>
/// A contestant's raw standing before ranking: the score in the contest window (before any baseline is taken off)
/// and, in a race, when the goal was first reached.
/// </summary>
public sealed record ContestScore(Guid ParticipantId, decimal Score, DateTimeOffset? FinishedAt = null);
