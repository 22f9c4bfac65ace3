using System.Security.Claims;
using System.Text.Json;
using OpenIddict.Abstractions;
using OpenIddict.Validation;
using Spm.GraphQL.AspNetCore.WebSockets;

namespace Spm.Api.Hosting;

/// <summary>
/// Authenticates a graphql-transport-ws connection with the access token in its
/// <c>connection_init</c> payload (<c>{"authorization": "Bearer …"}</c> or <c>{"token": "…"}</c>):
/// browsers cannot set headers on a WebSocket, and a token in the URL would end up in logs.
/// Without either key the upgrade request's own (header) authentication stands.
/// </summary>
internal sealed class WebSocketTokenAuthenticator(OpenIddictValidationService validation, ILogger<WebSocketTokenAuthenticator> logger)
    : IWebSocketAuthenticator
{
    public async ValueTask<WebSocketAuthenticationResult> AuthenticateAsync(HttpContext httpContext, JsonElement payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var token = TokenFrom(payload);
        if (token is null)
        {
            return WebSocketAuthenticationResult.Success(httpContext.User);
        }

        if (token.Length == 0)
        {
            return WebSocketAuthenticationResult.Refused;
        }

        ClaimsPrincipal principal;
        try
        {
            principal = await validation.ValidateAccessTokenAsync(token, cancellationToken);
        }
        catch (Exception ex) when (ex is OpenIddictExceptions.ProtocolException or OpenIddictExceptions.ValidationException)
        {
            // Expired, tampered or revoked: the transport closes with 4403.
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("WebSocket connection_init token refused: {Message}", ex.Message);
            }
            return WebSocketAuthenticationResult.Refused;
        }

        // Spm's tenant context and data loaders read the request's user: the connection now
        // acts as the token's principal for its whole life, as an HTTP request would.
        httpContext.User = principal;
        return WebSocketAuthenticationResult.Success(principal);
    }

    private static string? TokenFrom(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (payload.TryGetProperty("authorization", out var header) || payload.TryGetProperty("Authorization", out header))
        {
            var value = header.ValueKind == JsonValueKind.String ? header.GetString() ?? string.Empty : string.Empty;
            // A present but malformed header is a failed sign-in, not an anonymous one.
            return value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value["Bearer ".Length..].Trim() : string.Empty;
        }

        return payload.TryGetProperty("token", out var raw)
            ? (raw.ValueKind == JsonValueKind.String ? raw.GetString() ?? string.Empty : string.Empty)
            : null;
    }
}
