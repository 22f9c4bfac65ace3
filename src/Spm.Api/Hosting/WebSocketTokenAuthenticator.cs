using System.Security.Claims;
using System.Text.Json;
using OpenIddict.Validation;
using OpenIddict.Validation.AspNetCore;
using Spm.GraphQL.AspNetCore.WebSockets;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Spm.Api.Hosting;

/// <summary>
/// Authenticates a graphql-transport-ws connection with an Spm access token. Browsers cannot set
/// headers on a WebSocket, so the token travels in the <c>connection_init</c> payload, as
/// <c>{ authorization: "Bearer &lt;token&gt;" }</c> (what graphql-ws clients send as
/// connectionParams) or <c>{ token: "&lt;token&gt;" }</c>; a client that can set headers may
/// instead authenticate the upgrade request with <c>Authorization: Bearer</c>. The token is
/// validated by OpenIddict exactly as on HTTP (signature, expiry, revocation). Anything else is
/// refused: the transport closes with 4403.
/// </summary>
internal sealed class WebSocketTokenAuthenticator(ILogger<WebSocketTokenAuthenticator> logger) : IWebSocketAuthenticator
{
    public async ValueTask<WebSocketAuthenticationResult> AuthenticateAsync(HttpContext httpContext, JsonElement payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var token = TokenFrom(payload);
        if (token is null)
        {
            // No token in the payload: the upgrade request's Authorization header, already
            // validated by the authentication middleware, is the only other way in.
            return httpContext.User.Identity?.IsAuthenticated == true
                ? WebSocketAuthenticationResult.Success(httpContext.User)
                : WebSocketAuthenticationResult.Refused;
        }

        if (token.Length == 0)
        {
            return WebSocketAuthenticationResult.Refused;
        }

        ClaimsPrincipal principal;
        try
        {
            principal = await httpContext.RequestServices.GetRequiredService<OpenIddictValidationService>().ValidateAccessTokenAsync(token, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // Every kind of invalid token (malformed, expired, revoked, wrong key) is a refusal, not a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("WebSocket connection refused: the access token is not valid ({Reason}).", ex.Message);
            }

            return WebSocketAuthenticationResult.Refused;
        }

        // The same shape as the HTTP scheme's principal, so role and name lookups behave alike.
        var identity = new ClaimsIdentity(principal.Claims, OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        return WebSocketAuthenticationResult.Success(new ClaimsPrincipal(identity));
    }

    /// <summary>The token in the payload: "" for a present but unusable value, null when none was sent.</summary>
    private static string? TokenFrom(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in payload.EnumerateObject())
        {
            if (property.NameEquals("authorization") || property.NameEquals("Authorization"))
            {
                var value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() ?? string.Empty : string.Empty;
                const string Bearer = "Bearer ";
                return value.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? value[Bearer.Length..].Trim() : string.Empty;
            }

            if (property.NameEquals("token"))
            {
                return property.Value.ValueKind == JsonValueKind.String ? (property.Value.GetString() ?? string.Empty).Trim() : string.Empty;
            }
        }

        return null;
    }
}
