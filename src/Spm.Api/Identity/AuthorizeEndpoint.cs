using System.Text.Json;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Spm.Infrastructure.Identity;

namespace Spm.Api.Identity;

/// <summary>
/// The authorization endpoint's last step (code flow, PKCE enforced by OpenIddict): a signed-in
/// person gets a code; anyone else is sent to the sign-in page and comes back here.
/// </summary>
internal static class AuthorizeEndpoint
{
    public const string Path = "/connect/authorize";

    public static async Task<IResult> HandleAsync(HttpContext http, UserManager<SpmUser> users, IOpenIddictApplicationManager applications)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request cannot be retrieved.");
        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = cookie.Succeeded ? await users.GetUserAsync(cookie.Principal) : null;
        if (user is null || await users.IsLockedOutAsync(user))
        {
            var query = http.Request.HasFormContentType
                ? QueryString.Create((await http.Request.ReadFormAsync(http.RequestAborted)).Select(p => KeyValuePair.Create(p.Key, p.Value)))
                : http.Request.QueryString;
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + query },
                [IdentityConstants.ApplicationScheme]);
        }

        // A tenant's own dashboard serves that tenant's people only; shared apps (GraphiQL) carry no tenant.
        if (request.ClientId is { } clientId && await applications.FindByClientIdAsync(clientId, http.RequestAborted) is { } application
            && (await applications.GetPropertiesAsync(application, http.RequestAborted)).TryGetValue(SpmClientProperties.Tenant, out var tenant)
            && tenant.ValueKind == JsonValueKind.String && Guid.TryParse(tenant.GetString(), out var clientTenant) && clientTenant != user.TenantId)
        {
            return Results.Forbid(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = OpenIddictConstants.Errors.AccessDenied,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "This application belongs to another organisation.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        return Results.SignIn(UserPrincipal.Create(user, request.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
