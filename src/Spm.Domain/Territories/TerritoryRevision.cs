using Spm.Domain.Organisation;

namespace Spm.Domain.Territories;

/// <summary>
/// A per-tenant counter that database triggers raise on every change to accounts, territories, overrides or
/// assignments. Caches of compiled resolvers are keyed by it, so every API node notices any writer's change.
/// </summary>
public sealed class TerritoryRevision : ITenantOwned
{
    public TerritoryRevision(Guid tenantId, long revision)
    {
        TenantId = tenantId;
        Revision = revision;
    }

    public Guid TenantId { get; private set; }

    public long Revision { get; private set; }
}
