using Spm.Api.Auth;
using Spm.Infrastructure.Tenancy;

namespace Spm.Api.Hosting;

/// <summary>The tenant named by the authenticated caller's token; none for anonymous callers.</summary>
internal sealed class HttpTenantContext(IHttpContextAccessor accessor) : ITenantContext
{
    public Guid? TenantId =>
        accessor.HttpContext?.User.FindFirst(SpmClaims.Tenant)?.Value is { } value && Guid.TryParse(value, out var id) ? id : null;
}
