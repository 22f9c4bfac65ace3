using System.Collections.Immutable;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Spm.Api.Auth;
using Spm.Infrastructure.Identity;
using Spm.Infrastructure.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Spm.Api.Identity;

/// <summary>
/// The token endpoint's last step. OpenIddict has already authenticated the client and checked
/// its grant and scope permissions; this decides what the token says about the caller.
/// </summary>
internal static class TokenEndpoint
{
    public const string Path = "/connect/token";

    public static async Task<IResult> HandleAsync(
        HttpContext http,
        IOpenIddictApplicationManager applications,
        IDbContextFactory<SpmDbContext> contexts,
        UserManager<SpmUser> users)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request cannot be retrieved.");
        var cancellationToken = http.RequestAborted;

        if (request.IsClientCredentialsGrantType())
        {
            var application = request.ClientId is { } clientId ? await applications.FindByClientIdAsync(clientId, cancellationToken) : null;
            if (application is null)
            {
                return Refuse(Errors.InvalidClient, "The client is unknown.");
            }

            var properties = await applications.GetPropertiesAsync(application, cancellationToken);
            if (properties.ContainsKey(SpmClientProperties.RevokedAt))
            {
                return Refuse(Errors.InvalidClient, "The client was revoked.");
            }

            if (!TryRead(properties, SpmClientProperties.Tenant, out var tenantText) || !Guid.TryParse(tenantText, out var tenantId)
                || !TryRead(properties, SpmClientProperties.Role, out var role))
            {
                // A client without a tenant would get a token that sees nothing, or worse: refuse it.
                return Refuse(Errors.UnauthorizedClient, "The client is not bound to a tenant.");
            }

            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            {
                if (!await db.Tenants.IgnoreQueryFilters().AnyAsync(t => t.Id == tenantId, cancellationToken))
                {
                    return Refuse(Errors.UnauthorizedClient, "The client's tenant no longer exists.");
                }
            }

            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId);
            identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application, cancellationToken) ?? request.ClientId);
            identity.SetClaim(SpmClaims.Tenant, tenantId.ToString("D"));
            identity.SetClaim(SpmClaims.Role, role);
            identity.SetClaim(SpmClaims.Kind, CallerKinds.Client);
            if (IsPersistedOnly(properties))
            {
                // In the token, so the GraphQL transport needs no database read per request.
                identity.SetClaim(SpmClaims.PersistedOnly, "true");
            }

            // OpenIddict already refused scopes the client may not use. Asking for none grants
            // everything the client is registered for, so a plain curl gets a useful token.
            var scopes = request.GetScopes();
            if (scopes.IsEmpty)
            {
                scopes = [.. (await applications.GetPermissionsAsync(application, cancellationToken))
                    .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
                    .Select(p => p[Permissions.Prefixes.Scope.Length..])];
            }

            identity.SetScopes(scopes);
            identity.SetDestinations(static _ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType() || request.IsDeviceCodeGrantType())
        {
            // OpenIddict validated the code or refresh token (signature, expiry, single use, PKCE
            // verifier, the authorization still valid). The person or screen is read again, so a
            // deleted or locked-out user, a changed role or an unpaired screen takes effect at
            // the next exchange.
            var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            if (result.Principal?.GetClaim(SpmClaims.Kind) == CallerKinds.Display || request.IsDeviceCodeGrantType())
            {
                return await DisplayTokenAsync(result.Principal, request.ClientId, applications, contexts, cancellationToken);
            }

            var user = result.Principal?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
            if (user is null || await users.IsLockedOutAsync(user))
            {
                return Refuse(Errors.InvalidGrant, "The user can no longer sign in.");
            }

            var principal = UserPrincipal.Create(user, result.Principal!.GetScopes());
            // A person signed in through a persisted-only app (e.g. a screen) is held to it too.
            if (request.ClientId is { } appId && await applications.FindByClientIdAsync(appId, cancellationToken) is { } app
                && IsPersistedOnly(await applications.GetPropertiesAsync(app, cancellationToken)))
            {
                principal.SetClaim(SpmClaims.PersistedOnly, "true");
                principal.FindFirst(SpmClaims.PersistedOnly)!.SetDestinations(Destinations.AccessToken);
            }

            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Refuse(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static async Task<IResult> DisplayTokenAsync(
        ClaimsPrincipal? stored,
        string? clientId,
        IOpenIddictApplicationManager applications,
        IDbContextFactory<SpmDbContext> contexts,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(stored?.GetClaim(SpmClaims.Display), out var displayId))
        {
            return Refuse(Errors.InvalidGrant, "The device code was not approved for a screen.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // No caller yet, hence no tenant filter: the display id comes from a token OpenIddict validated.
        var display = await db.Displays.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(d => d.Id == displayId, cancellationToken);
        if (display is null || !display.IsPaired)
        {
            return Refuse(Errors.InvalidGrant, "The screen was unpaired.");
        }

        var identity = DisplayPrincipal.Create(display.Id, display.TenantId, display.Name);
        identity.SetAuthorizationId(display.AuthorizationId);
        // A screen paired through a persisted-only TV app is held to persisted documents too.
        if (clientId is not null && await applications.FindByClientIdAsync(clientId, cancellationToken) is { } app
            && IsPersistedOnly(await applications.GetPropertiesAsync(app, cancellationToken)))
        {
            identity.SetClaim(SpmClaims.PersistedOnly, "true");
            identity.FindFirst(SpmClaims.PersistedOnly)!.SetDestinations(Destinations.AccessToken);
        }

        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static bool IsPersistedOnly(ImmutableDictionary<string, JsonElement> properties) =>
        TryRead(properties, SpmClientProperties.PersistedOnly, out var value) && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    private static bool TryRead(ImmutableDictionary<string, JsonElement> properties, string key, out string value)
    {
        value = properties.TryGetValue(key, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString() ?? string.Empty : string.Empty;
        return value.Length > 0;
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
