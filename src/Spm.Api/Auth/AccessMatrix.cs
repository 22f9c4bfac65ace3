using System.Collections.Frozen;
using System.Security.Claims;
using OpenIddict.Abstractions;
using Spm.Api.Identity;

namespace Spm.Api.Auth;

/// <summary>
/// The access policy as one table: for each capability, the roles that hold it and the OAuth
/// scope the token must also carry. Roles say what a kind of caller may ever do; scopes say what
/// this particular token was granted (a partner client registered for spm.read only cannot
/// write even if its role could). Read it top to bottom; change it here and nowhere else.
/// </summary>
public static class AccessMatrix
{
    private const string A = SpmRoles.Admin, F = SpmRoles.Finance, M = SpmRoles.Manager, R = SpmRoles.Rep, P = SpmRoles.Partner, D = SpmRoles.Display;

    /// <summary>Capability → (roles, scope). A null scope means any token of those roles.</summary>
    public static readonly FrozenDictionary<Capability, Rule> Rules = new Dictionary<Capability, Rule>
    {
        //                                          admin finance manager rep partner display
        [Capability.Self] = new([A, F, M, R, P, D], null),
        [Capability.ReadOrganisation] = new([A, F, M, R, P], SpmScopes.Read),
        [Capability.ReadPlanning] = new([A, F, M, R, P], SpmScopes.Read),
        [Capability.WritePlanning] = new([A], SpmScopes.Write),
        [Capability.Approve] = new([A, M], SpmScopes.Write),
        [Capability.ReadPerformance] = new([A, F, M, R, P], SpmScopes.Read),
        [Capability.WriteSales] = new([A], SpmScopes.Write),
        [Capability.ManageCrediting] = new([A], SpmScopes.Write),
        [Capability.ReadLeaderboards] = new([A, F, M, R, P, D], SpmScopes.LeaderboardsRead),
        [Capability.ManageLeaderboards] = new([A], SpmScopes.Write),
        [Capability.ReadEarnings] = new([A, F, M, R], SpmScopes.Comp),
        [Capability.ManageCompensation] = new([A], SpmScopes.Write),
        [Capability.ManagePayouts] = new([A, F], SpmScopes.Comp),
        [Capability.ManageAccess] = new([A], SpmScopes.Admin),
        [Capability.ReadAudit] = new([A], SpmScopes.Admin),
    }.ToFrozenDictionary();

    /// <summary>The ASP.NET Core authorization policy name of a capability.</summary>
    public static string Policy(Capability capability) => "spm:" + capability;

    /// <summary>The scopes a role needs to use all of its capabilities (the most a token of that role is granted).</summary>
    public static IReadOnlyList<string> ScopesOf(string role) =>
        [.. Rules.Values.Where(r => r.Roles.Contains(role, StringComparer.Ordinal) && r.Scope is not null).Select(r => r.Scope!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>True when the caller's role holds the capability and the token carries its scope.</summary>
    public static bool Allows(ClaimsPrincipal user, Capability capability)
    {
        ArgumentNullException.ThrowIfNull(user);
        var rule = Rules[capability];
        return user.Identity?.IsAuthenticated == true
            && rule.Roles.Any(role => user.HasClaim(SpmClaims.Role, role))
            && (rule.Scope is null || user.HasScope(rule.Scope));
    }

    /// <summary>One row of the matrix.</summary>
    public sealed record Rule(IReadOnlyList<string> Roles, string? Scope);
}
