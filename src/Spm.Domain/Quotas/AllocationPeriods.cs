namespace Spm.Domain.Quotas;

/// <summary>The months of an allocation with their targets, the sums above them, and the total.</summary>
public sealed record AllocationPeriods(IReadOnlyList<AllocationMonth> Months, IReadOnlyList<AllocationAggregate> Aggregates, decimal Total);
