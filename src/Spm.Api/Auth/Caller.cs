using System.Security.Claims;

namespace Spm.Api.Auth;

/// <summary>
/// Who is calling, read once from the validated token: tenant, subject, role and (for people)
/// participant. Resolvers use it for row-level limits and the audit log for "who".
/// </summary>
public sealed class Caller(IHttpContextAccessor accessor)
{
    private ClaimsPrincipal User => accessor.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    public Guid? TenantId => Guid.TryParse(User.FindFirst(SpmClaims.Tenant)?.Value, out var id) ? id : null;

    /// <summary>The token's subject (user id or client id); "system" outside a request.</summary>
    public string Subject => User.FindFirst("sub")?.Value ?? User.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "system";

    public string? Role => User.FindFirst(SpmClaims.Role)?.Value;

    public Guid? ParticipantId => Guid.TryParse(User.FindFirst(SpmClaims.Participant)?.Value, out var id) ? id : null;

    public bool Can(Capability capability) => AccessMatrix.Allows(User, capability);

    /// <summary>The tenant, or an error for a token without one (which no endpoint should ever accept).</summary>
    public Guid RequireTenant() => TenantId ?? throw new InvalidOperationException("The caller's token carries no tenant.");
}
