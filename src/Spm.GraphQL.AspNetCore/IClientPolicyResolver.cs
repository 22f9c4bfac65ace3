using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Spm.GraphQL.AspNetCore;

/// <summary>Resolves the <see cref="ClientPolicy"/> of a caller; replace it to read policies from elsewhere.</summary>
public interface IClientPolicyResolver
{
    /// <summary>Resolves the policy of <paramref name="user"/> calling through <paramref name="httpContext"/>.</summary>
    ValueTask<ClientPolicy> ResolveAsync(ClaimsPrincipal user, HttpContext httpContext, CancellationToken cancellationToken);
}
