namespace Spm.Infrastructure.Tenancy;

/// <summary>
/// The tenant of the current caller. It comes from the caller's token, never from a request
/// argument. Null means "no tenant": tenant-owned queries then return nothing.
/// </summary>
public interface ITenantContext
{
    Guid? TenantId { get; }
}
