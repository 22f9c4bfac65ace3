using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Spm.Api.Auth;
using Spm.Infrastructure.Identity;

namespace Spm.Api.Identity;

/// <summary>
/// Puts the same tenant, role and participant claims in the sign-in cookie as in a person's
/// tokens, so pages served with the cookie (device verification) know who acts, for which
/// tenant, and the audit log and tenant filters work there as in the API.
/// </summary>
internal sealed class SpmUserClaimsPrincipalFactory(UserManager<SpmUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<SpmUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(SpmUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("sub", user.Id.ToString("D", CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(SpmClaims.Tenant, user.TenantId.ToString("D", CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(SpmClaims.Role, user.Role));
        identity.AddClaim(new Claim(SpmClaims.Kind, CallerKinds.Person));
        if (user.ParticipantId is { } participant)
        {
            identity.AddClaim(new Claim(SpmClaims.Participant, participant.ToString("D", CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
