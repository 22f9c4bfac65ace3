using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Spm.Api.Identity;

/// <summary>
/// The most a person of each role may be granted, whatever the client asks for: a rep's
/// token never carries spm.admin even through an admin tool's client.
/// </summary>
internal static class RoleScopes
{
    private static readonly Dictionary<string, string[]> ByRole = new(StringComparer.Ordinal)
    {
        ["admin"] = [.. SpmScopes.All],
        ["finance"] = [SpmScopes.Read, SpmScopes.Comp, SpmScopes.LeaderboardsRead],
        ["manager"] = [SpmScopes.Read, SpmScopes.Write, SpmScopes.LeaderboardsRead],
        ["rep"] = [SpmScopes.Read, SpmScopes.LeaderboardsRead],
    };

    public static IEnumerable<string> Grant(string role, IEnumerable<string> requested)
    {
        var allowed = ByRole.TryGetValue(role, out var scopes) ? scopes : [];
        return requested.Where(s => s is Scopes.OpenId or Scopes.OfflineAccess || allowed.Contains(s, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal);
    }
}
