using Spm.Api.Graph;

namespace Spm.Api.Features.Access;

/// <summary>GraphQL enum of <see cref="AccessRole"/>.</summary>
public sealed class AccessRoleGraphType() : DescribedEnumGraphType<AccessRole>(
    "AccessRole",
    "What a caller may do (see the access matrix); not to be confused with a participant's job.",
    new Dictionary<AccessRole, string>
    {
        [AccessRole.Admin] = "Sales operations: reads and changes everything in the tenant, manages access.",
        [AccessRole.Finance] = "Finance: reads the tenant, earnings and payouts; approves payouts.",
        [AccessRole.Manager] = "A sales manager: their subtree's performance and pay, approvals in it, pairs screens.",
        [AccessRole.Rep] = "A seller: their own pay, their team's boards.",
        [AccessRole.Partner] = "A partner system: reads what its scopes allow, never writes.",
        [AccessRole.Display] = "A paired office screen: only the boards it was paired for.",
    });
