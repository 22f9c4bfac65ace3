namespace Spm.Domain.Quotas;

/// <summary>A month to allocate: its period, first day and the target of the whole tree for it.</summary>
public sealed record AllocationMonth(Guid PeriodId, DateOnly Start, decimal Target);
