using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Crediting;

/// <summary>
/// A per-tenant counter that database triggers raise on every change to what a cached <see cref="CreditingSetup"/>
/// holds (rules, rates, participants, teams, periods, locks, territories, the tenant row), from any writer.
/// </summary>
public sealed class CreditingRevision : ITenantOwned
{
    public Guid TenantId { get; set; }

    public long Revision { get; set; }
}
