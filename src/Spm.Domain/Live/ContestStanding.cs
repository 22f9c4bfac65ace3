namespace Spm.Domain.Live;

/// <summary>
/// One contestant (a participant or a team) in a contest. <see cref="FinishedAt"/> is when a race-to-goal
/// contestant reached the goal (finishing order); <see cref="OpponentId"/> is the other side of a head-to-head pair.
/// </summary>
public sealed record ContestStanding(int Rank, Guid SubjectId, string DisplayName, decimal Score, DateTimeOffset? FinishedAt, Guid? OpponentId);
