namespace Spm.Domain.Territories;

/// <summary>An account claimed by more than one territory at the same level of the hierarchy (0 = top).</summary>
public sealed record CoverageOverlap(Guid AccountId, int Level, IReadOnlyList<Guid> TerritoryIds);
