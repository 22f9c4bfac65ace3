namespace Spm.Infrastructure.Tenancy;

/// <summary>A tenant fixed at construction: background jobs, seeding and tests acting as one tenant.</summary>
public sealed class FixedTenantContext(Guid? tenantId) : ITenantContext
{
    public Guid? TenantId { get; } = tenantId;
}
