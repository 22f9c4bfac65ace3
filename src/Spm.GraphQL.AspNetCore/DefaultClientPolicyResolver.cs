using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Spm.GraphQL.AspNetCore.Budgets;

namespace Spm.GraphQL.AspNetCore;

/// <summary>
/// Policy from claims and <see cref="GraphQLTransportOptions"/>: the client key is the
/// <c>client_id</c>, <c>sub</c> or name-identifier claim (the remote address for anonymous callers);
/// the budget is the largest role budget or the default one.
/// </summary>
public sealed class DefaultClientPolicyResolver(IOptions<GraphQLTransportOptions> options) : IClientPolicyResolver
{
    /// <inheritdoc />
    public ValueTask<ClientPolicy> ResolveAsync(ClaimsPrincipal user, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(httpContext);
        var settings = options.Value;

        var subject = user.FindFirst("client_id")?.Value
            ?? user.FindFirst("sub")?.Value
            ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        var clientKey = subject is not null
            ? "user:" + subject
            : "ip:" + (httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown");

        var persistedOnly = user.HasClaim(c =>
            c.Type == settings.PersistedDocumentsOnlyClaimType
            && string.Equals(c.Value, "true", StringComparison.OrdinalIgnoreCase));

        BudgetPolicy? budget = null;
        foreach (var (role, policy) in settings.BudgetsByRole)
        {
            if (user.IsInRole(role) && (budget is null || policy.Capacity > budget.Capacity))
            {
                budget = policy;
            }
        }

        return ValueTask.FromResult(new ClientPolicy(clientKey, persistedOnly, budget ?? settings.DefaultBudget));
    }
}
