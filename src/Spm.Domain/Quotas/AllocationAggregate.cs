namespace Spm.Domain.Quotas;

/// <summary>A period whose quota is the sum of others (a quarter of its months, a year of its quarters), listed children first.</summary>
public sealed record AllocationAggregate(Guid PeriodId, IReadOnlyList<Guid> ChildPeriodIds);
