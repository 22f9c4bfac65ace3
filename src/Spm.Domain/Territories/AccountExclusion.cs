namespace Spm.Domain.Territories;

/// <summary>Keeps an account out of a territory and its descendants when resolving by rule; an include override still wins.</summary>
public sealed record AccountExclusion(Guid AccountId, Guid TerritoryId);
