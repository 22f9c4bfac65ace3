namespace Spm.Api.Auth;

/// <summary>
/// What a caller may do, in business terms. Every root field, mutation, subscription and hub
/// method requires exactly one capability; <see cref="AccessMatrix"/> says which roles have it.
/// Row-level limits (a rep's own pay, a manager's subtree, a display's paired boards) are
/// applied by the resolvers on top of this.
/// </summary>
public enum Capability
{
    /// <summary>Who am I: any signed-in caller.</summary>
    Self,

    /// <summary>The organisation: tenant, people, teams, periods.</summary>
    ReadOrganisation,

    /// <summary>Sales plans, capacity, accounts, territories and quotas.</summary>
    ReadPlanning,

    /// <summary>Change plans, accounts, territories and quotas.</summary>
    WritePlanning,

    /// <summary>Approve or reject submitted work (quotas, plans) in the caller's subtree.</summary>
    Approve,

    /// <summary>Sales, credits, attainment, pipeline and activities.</summary>
    ReadPerformance,

    /// <summary>Record sales, activities and opportunities.</summary>
    WriteSales,

    /// <summary>Crediting rules and exchange rates: what every future credit is computed with.</summary>
    ManageCrediting,

    /// <summary>Leaderboards and contests (a display only its paired ones).</summary>
    ReadLeaderboards,

    /// <summary>Define leaderboards and run contests.</summary>
    ManageLeaderboards,

    /// <summary>Earnings and statements (a rep only their own, a manager their subtree).</summary>
    ReadEarnings,

    /// <summary>Compensation plans and calculation runs.</summary>
    ManageCompensation,

    /// <summary>Approve and release payouts.</summary>
    ManagePayouts,

    /// <summary>Clients, user invitations, paired displays, persisted documents.</summary>
    ManageAccess,

    /// <summary>Read the audit log.</summary>
    ReadAudit,
}
