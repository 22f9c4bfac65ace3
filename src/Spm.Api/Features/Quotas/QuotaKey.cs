namespace Spm.Api.Features.Quotas;

/// <summary>Loader key: the quotas of one subject (participant or team) in one period.</summary>
public sealed record QuotaKey(Guid SubjectId, Guid PeriodId);
