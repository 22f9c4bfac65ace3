using Spm.GraphQL.AspNetCore.Budgets;

namespace Spm.Api.Hosting;

/// <summary>
/// Cost budgets by OAuth client and by role, bound from <c>Spm:GraphQL:Budgets</c>, e.g.
/// <c>Spm:GraphQL:Budgets:Clients:acme-tv:Capacity</c> or <c>Spm:GraphQL:Budgets:Roles:partner:RestoreRatePerSecond</c>.
/// </summary>
public sealed class SpmBudgetOptions
{
    /// <summary>Budget of one client id; beats any role budget.</summary>
    public Dictionary<string, BudgetPolicy> Clients { get; } = new(StringComparer.Ordinal);

    /// <summary>Budget of a role; a caller with several roles gets the largest capacity.</summary>
    public Dictionary<string, BudgetPolicy> Roles { get; } = new(StringComparer.Ordinal);
}
