namespace Spm.Domain.Territories;

/// <summary>An account as the rebalancer sees it: where it is now and what it weighs.</summary>
public sealed record RebalanceAccount(Guid AccountId, Guid TerritoryId, string? PostalCode, decimal Potential);
