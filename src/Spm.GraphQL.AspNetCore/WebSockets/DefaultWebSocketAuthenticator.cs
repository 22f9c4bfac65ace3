using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Spm.GraphQL.AspNetCore.WebSockets;

/// <summary>Accepts every connection as the user authenticated on the upgrade request.</summary>
public sealed class DefaultWebSocketAuthenticator : IWebSocketAuthenticator
{
    /// <inheritdoc />
    public ValueTask<WebSocketAuthenticationResult> AuthenticateAsync(HttpContext httpContext, JsonElement payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return ValueTask.FromResult(WebSocketAuthenticationResult.Success(httpContext.User));
    }
}
