using System.Security.Claims;
using Spm.Api.Auth;

namespace Spm.Api.Features.Live;

/// <summary>
/// Who is watching, read from the principal of a hub connection or a subscription request. Hub methods run outside
/// the HTTP request that opened the connection, so they cannot use the request-scoped <see cref="Caller"/>.
/// </summary>
public sealed record LiveViewer(Guid TenantId, string Role, Guid? ParticipantId, Guid? DisplayId)
{
    /// <summary>The viewer of <paramref name="user"/>; null for a principal without a tenant or role.</summary>
    public static LiveViewer? From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true
            || !Guid.TryParse(user.FindFirst(SpmClaims.Tenant)?.Value, out var tenant)
            || user.FindFirst(SpmClaims.Role)?.Value is not { Length: > 0 } role)
        {
            return null;
        }

        return new LiveViewer(
            tenant,
            role,
            Guid.TryParse(user.FindFirst(SpmClaims.Participant)?.Value, out var participant) ? participant : null,
            Guid.TryParse(user.FindFirst(SpmClaims.Display)?.Value, out var display) ? display : null);
    }

    /// <summary>
    /// Whether deal sizes are shown: to admin, finance and managers (who see their people's deals anyway) and to paired
    /// screens (the office celebrates the amount); reps and partners see who closed a deal, not how much.
    /// </summary>
    public bool SeesSaleAmounts => Role is SpmRoles.Admin or SpmRoles.Finance or SpmRoles.Manager or SpmRoles.Display;
}
