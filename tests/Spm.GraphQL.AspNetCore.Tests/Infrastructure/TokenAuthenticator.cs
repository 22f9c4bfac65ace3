using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Spm.GraphQL.AspNetCore.WebSockets;

namespace Spm.GraphQL.AspNetCore.Tests.Infrastructure;

/// <summary>Accepts only <c>{"token":"good"}</c> and then acts as user "socket-user" with the Secret scope.</summary>
public sealed class TokenAuthenticator : IWebSocketAuthenticator
{
    public ValueTask<WebSocketAuthenticationResult> AuthenticateAsync(HttpContext httpContext, JsonElement payload, CancellationToken cancellationToken)
    {
        var good = payload.ValueKind == JsonValueKind.Object
            && payload.TryGetProperty("token", out var token)
            && token.GetString() == "good";
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "socket-user"), new Claim("scope", "secret")], "token"));
        return ValueTask.FromResult(good ? WebSocketAuthenticationResult.Success(user) : WebSocketAuthenticationResult.Refused);
    }
}
