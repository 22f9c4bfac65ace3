namespace Spm.Domain.Territories;

/// <summary>An explicit assignment of an account to a territory; it beats every rule.</summary>
public sealed record AccountOverride(Guid AccountId, Guid TerritoryId);
