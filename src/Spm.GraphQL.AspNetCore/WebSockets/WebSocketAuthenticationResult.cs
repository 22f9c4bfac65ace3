using System.Security.Claims;

namespace Spm.GraphQL.AspNetCore.WebSockets;

/// <summary>Outcome of <see cref="IWebSocketAuthenticator"/>: a principal, or a refusal.</summary>
public sealed record WebSocketAuthenticationResult
{
    private WebSocketAuthenticationResult(ClaimsPrincipal? user) => User = user;

    /// <summary>The principal operations run as; null when refused.</summary>
    public ClaimsPrincipal? User { get; }

    /// <summary>True when the connection may proceed.</summary>
    public bool Succeeded => User is not null;

    /// <summary>Accepts the connection as <paramref name="user"/>.</summary>
    public static WebSocketAuthenticationResult Success(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user);
    }

    /// <summary>Refuses the connection (close 4403).</summary>
    public static WebSocketAuthenticationResult Refused { get; } = new((ClaimsPrincipal?)null);
}
