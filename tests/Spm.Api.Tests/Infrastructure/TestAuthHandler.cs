using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Spm.Api.Auth;

namespace Spm.Api.Tests.Infrastructure;

/// <summary>
/// Authenticates test requests from headers (X-Test-Tenant, X-Test-Role, X-Test-Participant, X-Test-Display) so
/// feature tests can act as any caller; the token flows themselves are tested end to end elsewhere.
/// </summary>
public sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue("X-Test-Tenant", out var tenant))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = new List<Claim> { new(SpmClaims.Tenant, tenant.ToString()), new("sub", "test-user") };
        foreach (var role in Request.Headers["X-Test-Role"])
        {
            claims.Add(new Claim(SpmClaims.Role, role!));
            // A person's token carries every scope their role may hold, unless the test narrows them.
            if (!Request.Headers.ContainsKey("X-Test-Scopes"))
            {
                claims.AddRange(AccessMatrix.ScopesOf(role!).Select(s => new Claim(OpenIddictConstants.Claims.Private.Scope, s)));
            }
        }

        foreach (var scope in Request.Headers["X-Test-Scopes"].SelectMany(v => v!.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
        {
            claims.Add(new Claim(OpenIddictConstants.Claims.Private.Scope, scope));
        }

        if (Request.Headers.TryGetValue("X-Test-Participant", out var participant))
        {
            claims.Add(new Claim(SpmClaims.Participant, participant.ToString()));
        }

        if (Request.Headers.TryGetValue("X-Test-Display", out var display))
        {
            claims.Add(new Claim(SpmClaims.Display, display.ToString()));
        }

        var identity = new ClaimsIdentity(claims, SchemeName, "sub", SpmClaims.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
