using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
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
                o.SetTokenEndpointUris(TokenEndpoint.Path).SetAuthorizationEndpointUris(AuthorizeEndpoint.Path)
                    .SetDeviceAuthorizationEndpointUris(DeviceEndpointPath).SetEndUserVerificationEndpointUris(VerifyEndpoint.Path);
                o.AllowClientCredentialsFlow().AllowRefreshTokenFlow();
                // TV screens: the device flow, approved by a manager or admin at /connect/verify.
                o.AllowDeviceAuthorizationFlow();
                o.SetAccessTokenLifetime(builder.Configuration.GetValue(SpmConfigurationKeys.IdentityAccessTokenLifetime, TimeSpan.FromHours(1)));
                // People sign in through the code flow only, always with PKCE.
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes([.. SpmScopes.All, Scopes.OfflineAccess]);
                IdentityKeys.Configure(o, builder.Configuration, builder.Environment);
                // Access tokens are signed, not encrypted: their claims (tenant, role, participant)
                // are no secret, and decrypting every bearer token cost ~6.5 ms of CPU per request,
                // which capped the API near 300 requests/s on two cores. Codes and refresh tokens
                // stay encrypted.
                o.DisableAccessTokenEncryption();
                // The endpoint runs our handler (TokenEndpoint) after OpenIddict has validated the request.
                var aspNetCore = o.UseAspNetCore().EnableTokenEndpointPassthrough().EnableAuthorizationEndpointPassthrough()
                    .EnableEndUserVerificationEndpointPassthrough();
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
                // Revoked clients' and unpaired screens' tokens are refused (one lookup, for those callers only).
                o.AddEventHandler(RevokedTokenCheck.Descriptor);
            });
        builder.Services.AddSingleton<TokenPruner>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TokenPruner>());

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
            .AddSignInManager()
            .AddClaimsPrincipalFactory<SpmUserClaimsPrincipalFactory>()
            // Signs invitation links (password-reset tokens bound to the security stamp).
            .AddDefaultTokenProviders();
        builder.Services.Configure<DataProtectionTokenProviderOptions>(o =>
            o.TokenLifespan = builder.Configuration.GetValue(SpmConfigurationKeys.IdentityInvitationLifetime, TimeSpan.FromDays(3)));
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
        ConfigureForwardedHeaders(builder);
        builder.Services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = TokenRateLimiter.Create(builder.Configuration);
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        });
        return builder;
    }

    public static WebApplication UseSpmAuth(this WebApplication app)
    {
        // First of all: the rate limiter, OpenIddict's HTTPS check and the audit log need the
        // client's address and scheme, which a proxy passes in X-Forwarded-For/Proto.
        if (HasTrustedProxies(app.Configuration))
        {
            app.UseForwardedHeaders();
        }

        // Browsers cannot set headers on a WebSocket, so SignalR clients send the token as ?access_token=. Accepted on
        // the hub path only (validation reads no query strings): it becomes the Authorization header there.
        app.Use((http, next) =>
        {
            if (http.Request.Path.StartsWithSegments(LivePushExtensions.HubPath, StringComparison.OrdinalIgnoreCase)
                && http.Request.Query.TryGetValue("access_token", out var token) && !string.IsNullOrEmpty(token)
                && !http.Request.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.Authorization))
            {
                http.Request.Headers.Authorization = "Bearer " + token;
            }

            return next(http);
        });
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
        app.MapMethods(VerifyEndpoint.Path, [HttpMethods.Get, HttpMethods.Post], VerifyEndpoint.HandleAsync).AllowAnonymous().DisableAntiforgery();
        app.MapSpmAccount();
        app.MapSpmInvitations();
        return app;
    }

    /// <summary>Where a TV asks for its device and user codes (handled entirely by OpenIddict).</summary>
    public const string DeviceEndpointPath = "/connect/device";

    private static bool HasTrustedProxies(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[SpmConfigurationKeys.ForwardedHeadersKnownProxies])
        || !string.IsNullOrWhiteSpace(configuration[SpmConfigurationKeys.ForwardedHeadersKnownNetworks]);

    /// <summary>
    /// Trusts X-Forwarded-For/Proto only from the configured proxies and networks. ASP.NET Core's
    /// default trusts loopback; that is cleared so nothing is trusted unless configured.
    /// </summary>
    private static void ConfigureForwardedHeaders(WebApplicationBuilder builder)
    {
        var proxies = Split(builder.Configuration[SpmConfigurationKeys.ForwardedHeadersKnownProxies]);
        var networks = Split(builder.Configuration[SpmConfigurationKeys.ForwardedHeadersKnownNetworks]);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            // Walk back through any number of trusted hops; the first untrusted one is the client.
            o.ForwardLimit = null;
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"'{SpmConfigurationKeys.ForwardedHeadersKnownProxies}': '{proxy}' is not an IP address."));
            }

            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"'{SpmConfigurationKeys.ForwardedHeadersKnownNetworks}': '{network}' is not a CIDR range such as 10.0.0.0/8."));
            }
        });
    }

    private static string[] Split(string? value) => (value ?? string.Empty).Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
