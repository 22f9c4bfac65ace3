namespace Spm.Domain.Live;

/// <summary>
/// One row of a board. Ranks are dense (ties share a rank, the next rank follows without a gap).
/// <see cref="PreviousRank"/> is the rank in the previous snapshot (null: new on the board), for movement arrows.
/// </summary>
public sealed record LeaderboardEntry(int Rank, Guid SubjectId, string DisplayName, decimal Score, int? PreviousRank);
