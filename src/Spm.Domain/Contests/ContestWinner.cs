namespace Spm.Domain.Contests;

/// <summary>A winning place: who, with what score, and the prize text of that place (null when none was described).</summary>
public sealed record ContestWinner(int Place, Guid SubjectId, string DisplayName, decimal Score, string? Prize);
