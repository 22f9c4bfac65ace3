using System.Security.Claims;
using Microsoft.Extensions.Options;
using Spm.Api.Auth;
using Spm.GraphQL.AspNetCore;
using Spm.GraphQL.AspNetCore.Budgets;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Spm.Api.Hosting;

/// <summary>
/// The transport's policy for an Spm caller, read from the token alone (no database hit per
/// request). The bucket belongs to the token's client for client credentials (the subject is
/// the client) and to the person otherwise, so two people on one dashboard app do not share
/// points. The budget is the client's own, else the largest of its roles', else the default.
/// Persisted-only is a claim the token endpoint copies from the client's registration.
/// </summary>
internal sealed class SpmClientPolicyResolver(IOptionsMonitor<SpmBudgetOptions> budgets, IOptions<GraphQLTransportOptions> transport) : IClientPolicyResolver
{
    public ValueTask<ClientPolicy> ResolveAsync(ClaimsPrincipal user, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(httpContext);
        var clientId = ClientIdOf(user);
        var subject = user.FindFirst(Claims.Subject)?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        var key = subject is null
            ? "ip:" + (httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown")
            : clientId is not null && string.Equals(subject, clientId, StringComparison.Ordinal)
                ? "client:" + clientId
                : "user:" + subject;

        var persistedOnly = string.Equals(user.FindFirst(SpmClaims.PersistedOnly)?.Value, "true", StringComparison.OrdinalIgnoreCase);
        return ValueTask.FromResult(new ClientPolicy(key, persistedOnly, BudgetOf(user, clientId)));
    }

    /// <summary>The OAuth client the token was issued to: client_id (RFC 9068), azp, or, for client credentials, the subject.</summary>
    internal static string? ClientIdOf(ClaimsPrincipal user) =>
        user.FindFirst(Claims.ClientId)?.Value
        ?? user.FindFirst(Claims.AuthorizedParty)?.Value
        ?? user.FindFirst(Claims.Private.Presenter)?.Value;

    private BudgetPolicy? BudgetOf(ClaimsPrincipal user, string? clientId)
    {
        var configured = budgets.CurrentValue;
        if (clientId is not null && configured.Clients.TryGetValue(clientId, out var clientBudget))
        {
            return clientBudget;
        }

        BudgetPolicy? best = null;
        foreach (var role in user.FindAll(SpmClaims.Role).Select(c => c.Value))
        {
            var candidate = configured.Roles.GetValueOrDefault(role)
                ?? (transport.Value.BudgetsByRole.TryGetValue(role, out var legacy) ? legacy : null);
            if (candidate is not null && (best is null || candidate.Capacity > best.Capacity))
            {
                best = candidate;
            }
        }

        return best ?? transport.Value.DefaultBudget;
    }
}
