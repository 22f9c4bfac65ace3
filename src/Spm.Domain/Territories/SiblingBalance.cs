namespace Spm.Domain.Territories;

/// <summary>How even one metric is across the children of one parent (ParentId null: the top level).</summary>
/// <param name="ParentId">The parent whose children are compared; null for the roots.</param>
/// <param name="TerritoryIds">The siblings, in rule order.</param>
/// <param name="Metric">The metric compared.</param>
/// <param name="BalanceIndex">Coefficient of variation: 0 is perfectly even; 0.4 means a typical sibling is 40 % off the mean.</param>
public sealed record SiblingBalance(Guid? ParentId, IReadOnlyList<Guid> TerritoryIds, BalanceMetric Metric, decimal BalanceIndex);
