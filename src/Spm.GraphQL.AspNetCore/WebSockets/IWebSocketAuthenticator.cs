using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Spm.GraphQL.AspNetCore.WebSockets;

/// <summary>
/// Authenticates a graphql-transport-ws connection from its <c>connection_init</c> payload
/// (e.g. a token in it). A refusal closes the socket with 4403.
/// </summary>
public interface IWebSocketAuthenticator
{
    /// <summary>Decides who the connection acts as; <paramref name="payload"/> is undefined when none was sent.</summary>
    ValueTask<WebSocketAuthenticationResult> AuthenticateAsync(HttpContext httpContext, JsonElement payload, CancellationToken cancellationToken);
}
