namespace Spm.Domain.Territories;

/// <summary>Per-territory totals and the balance of every sibling group.</summary>
public sealed record BalanceReport(IReadOnlyList<TerritoryLoad> Territories, IReadOnlyList<SiblingBalance> SiblingGroups);
