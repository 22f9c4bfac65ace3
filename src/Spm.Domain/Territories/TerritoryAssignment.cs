namespace Spm.Domain.Territories;

/// <summary>
/// Where an account landed: <see cref="Path"/> holds the matched territory at each level, root first, and
/// <see cref="TerritoryId"/> is the last of them (null and an empty path when nothing matched).
/// </summary>
public sealed record TerritoryAssignment(Guid AccountId, Guid? TerritoryId, IReadOnlyList<Guid> Path, bool ByOverride);
