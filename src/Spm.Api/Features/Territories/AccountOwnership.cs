namespace Spm.Api.Features.Territories;

/// <summary>Where an account sits on a date and who owns it there.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="TerritoryId">The deepest matched territory; null when no territory covers the account.</param>
/// <param name="Path">Territory ids from the top level down to <paramref name="TerritoryId"/>.</param>
/// <param name="ByOverride">True when an explicit include override placed it, not the rules.</param>
/// <param name="Owners">Assignments in force on the date on every territory of the path, deepest territory first.</param>
public sealed record AccountOwnership(Guid AccountId, Guid? TerritoryId, IReadOnlyList<Guid> Path, bool ByOverride, IReadOnlyList<TerritoryOwner> Owners);
