using Spm.Domain.Territories;

namespace Spm.Api.Features.Territories;

/// <summary>The children of one parent on one date with their loads, and the balance index per metric.</summary>
public sealed record TerritoryBalanceResult(Guid? ParentId, DateOnly AsOf, IReadOnlyList<TerritoryLoad> Children, IReadOnlyList<(BalanceMetric Metric, decimal Index)> Indexes);
