using System.Globalization;
using System.Security.Claims;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Spm.Api.Auth;
using Spm.Api.Features.Access;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Spm.Api.Identity;

/// <summary>The identity a paired screen's tokens carry: role display, its display id, leaderboards only.</summary>
internal static class DisplayPrincipal
{
    public static ClaimsIdentity Create(Guid displayId, Guid tenantId, string name)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        var id = displayId.ToString("D", CultureInfo.InvariantCulture);
        identity.SetClaim(Claims.Subject, id);
        identity.SetClaim(Claims.Name, name);
        identity.SetClaim(SpmClaims.Tenant, tenantId.ToString("D", CultureInfo.InvariantCulture));
        identity.SetClaim(SpmClaims.Role, SpmRoles.Display);
        identity.SetClaim(SpmClaims.Kind, CallerKinds.Display);
        identity.SetClaim(SpmClaims.Display, id);
        identity.SetScopes(DisplayPairing.Scopes);
        identity.SetDestinations(static _ => [Destinations.AccessToken]);
        return identity;
    }
}
