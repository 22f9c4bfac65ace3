using System.Security.Claims;
using OpenIddict.Abstractions;

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

    /// <summary>The paired display a screen's token speaks for; null for everyone else.</summary>
    public Guid? DisplayId => Guid.TryParse(User.FindFirst(SpmClaims.Display)?.Value, out var id) ? id : null;

    /// <summary>
    /// Person, client or display. Tokens say so explicitly; older or test principals without the
    /// claim are classified by what they carry.
    /// </summary>
    public string Kind => User.FindFirst(SpmClaims.Kind)?.Value
        ?? (DisplayId is not null ? CallerKinds.Display
            : ParticipantId is not null ? CallerKinds.Person
            : Role == SpmRoles.Partner ? CallerKinds.Client
            : CallerKinds.Person);

    /// <summary>The OAuth scopes the token was granted, sorted.</summary>
    public IReadOnlyList<string> Scopes => [.. User.GetScopes().Order(StringComparer.Ordinal)];

    public bool Can(Capability capability) => AccessMatrix.Allows(User, capability);

    /// <summary>The tenant, or an error for a token without one (which no endpoint should ever accept).</summary>
    public Guid RequireTenant() => TenantId ?? throw new InvalidOperationException("The caller's token carries no tenant.");
}
