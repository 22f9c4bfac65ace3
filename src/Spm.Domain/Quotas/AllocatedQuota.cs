namespace Spm.Domain.Quotas;

/// <summary>One quota an allocation produced.</summary>
public sealed record AllocatedQuota(QuotaSubjectKind Kind, Guid SubjectId, Guid PeriodId, decimal Amount, bool IsOverlay, decimal? RampPercentage);
