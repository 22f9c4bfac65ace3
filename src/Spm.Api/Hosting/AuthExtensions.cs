using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Spm.Api.Auth;

namespace Spm.Api.Hosting;

internal static class AuthExtensions
{
    public static WebApplicationBuilder AddSpmAuth(this WebApplicationBuilder builder)
    {
        // Until the token server is wired, no credential is accepted: every non-health request
        // is refused with 401 rather than silently served.
        builder.Services.AddAuthentication(BearerPlaceholderHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerPlaceholderHandler>(BearerPlaceholderHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }

    public static WebApplication UseSpmAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
