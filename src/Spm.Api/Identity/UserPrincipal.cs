using System.Globalization;
using System.Security.Claims;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Spm.Api.Auth;
using Spm.Infrastructure.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Spm.Api.Identity;

/// <summary>The principal a person's tokens carry, built from the user row every time a token is issued.</summary>
internal static class UserPrincipal
{
    public static ClaimsPrincipal Create(SpmUser user, IEnumerable<string> requestedScopes)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString("D", CultureInfo.InvariantCulture));
        identity.SetClaim(Claims.Name, user.UserName);
        identity.SetClaim(SpmClaims.Tenant, user.TenantId.ToString("D", CultureInfo.InvariantCulture));
        identity.SetClaim(SpmClaims.Role, user.Role);
        identity.SetClaim(SpmClaims.Kind, CallerKinds.Person);
        if (user.ParticipantId is { } participant)
        {
            identity.SetClaim(SpmClaims.Participant, participant.ToString("D", CultureInfo.InvariantCulture));
        }

        identity.SetScopes(RoleScopes.Grant(user.Role, requestedScopes));
        identity.SetDestinations(static c => c.Type is Claims.Name or SpmClaims.Role
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
