using Spm.Api.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Spm.Api.Identity;

/// <summary>
/// The most a person of each role may be granted, whatever the client asks for: a rep's
/// token never carries spm.admin even through an admin tool's client. Derived from
/// <see cref="AccessMatrix"/> so the two can never disagree.
/// </summary>
internal static class RoleScopes
{
    public static IEnumerable<string> Grant(string role, IEnumerable<string> requested)
    {
        var allowed = AccessMatrix.ScopesOf(role);
        return requested.Where(s => s is Scopes.OpenId or Scopes.OfflineAccess || allowed.Contains(s, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal);
    }
}
