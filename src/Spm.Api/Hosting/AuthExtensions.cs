using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Validation.AspNetCore;
using Spm.Api.Auth;
using Spm.Api.Identity;
using Spm.Infrastructure.Identity;
using Spm.Infrastructure.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Spm.Api.Hosting;

internal static class AuthExtensions
{
    public static WebApplicationBuilder AddSpmAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<SpmDbContext>())
            .AddServer(o =>
            {
                o.SetTokenEndpointUris(TokenEndpoint.Path).SetAuthorizationEndpointUris(AuthorizeEndpoint.Path);
                o.AllowClientCredentialsFlow().AllowRefreshTokenFlow();
                // People sign in through the code flow only, always with PKCE.
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes([.. SpmScopes.All, Scopes.OfflineAccess]);
                IdentityKeys.Configure(o, builder.Configuration, builder.Environment);
                // The endpoint runs our handler (TokenEndpoint) after OpenIddict has validated the request.
                var aspNetCore = o.UseAspNetCore().EnableTokenEndpointPassthrough().EnableAuthorizationEndpointPassthrough();
                // Tokens and secrets travel only over HTTPS, except on a developer's loopback and in
                // tests; a TLS-terminating proxy must forward the scheme (X-Forwarded-Proto).
                if (builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing")
                    || builder.Configuration.GetValue<bool>(SpmConfigurationKeys.IdentityAllowHttp))
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                // Only the Authorization header carries a token: query strings end up in logs and
                // proxies. The SignalR hub will opt back in for its own path only.
                o.UseAspNetCore().DisableAccessTokenExtractionFromQueryString().DisableAccessTokenExtractionFromBodyForm();
            });

        builder.Services.AddIdentityCore<SpmUser>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                // Length over composition rules (NIST SP 800-63B); generated secrets are 40 characters.
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
            })
            .AddEntityFrameworkStores<SpmDbContext>()
            .AddSignInManager();
        // Bearer tokens are the API's default; the Identity cookie only serves the sign-in pages
        // and the authorization endpoint.
        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .AddIdentityCookies(o => o.ApplicationCookie!.Configure(c =>
            {
                c.LoginPath = AccountEndpoints.LoginPath;
                c.LogoutPath = AccountEndpoints.LogoutPath;
                c.Cookie.Name = "spm.signin";
                c.Cookie.HttpOnly = true;
                c.Cookie.SameSite = SameSiteMode.Lax;
                c.ExpireTimeSpan = TimeSpan.FromHours(8);
                c.SlidingExpiration = true;
            }));
        builder.Services.AddAntiforgery();
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddCapabilityPolicies();
        builder.Services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = TokenRateLimiter.Create(builder.Configuration);
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        });
        return builder;
    }

    public static WebApplication UseSpmAuth(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            await TokenRateLimiter.ReadFormAsync(http);
            await next(http);
        });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPost(TokenEndpoint.Path, TokenEndpoint.HandleAsync).AllowAnonymous().DisableAntiforgery();
        app.MapMethods(AuthorizeEndpoint.Path, [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.HandleAsync).AllowAnonymous().DisableAntiforgery();
        app.MapSpmAccount();
        return app;
    }
}
