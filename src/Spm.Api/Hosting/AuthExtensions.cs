using Microsoft.AspNetCore.Authorization;
using OpenIddict.Validation.AspNetCore;
using Spm.Api.Identity;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Hosting;

internal static class AuthExtensions
{
    public static WebApplicationBuilder AddSpmAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<SpmDbContext>())
            .AddServer(o =>
            {
                o.SetTokenEndpointUris(TokenEndpoint.Path);
                o.AllowClientCredentialsFlow().AllowRefreshTokenFlow();
                o.RegisterScopes([.. SpmScopes.All]);
                IdentityKeys.Configure(o, builder.Configuration, builder.Environment);
                // The endpoint runs our handler (TokenEndpoint) after OpenIddict has validated the request.
                var aspNetCore = o.UseAspNetCore().EnableTokenEndpointPassthrough();
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

        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
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
        return app;
    }
}
