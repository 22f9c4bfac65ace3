namespace Spm.Domain.Quotas;

/// <summary>A team of the allocation tree; <see cref="ParentId"/> null for a top-level team.</summary>
public sealed record QuotaTreeTeam(Guid Id, Guid? ParentId);
