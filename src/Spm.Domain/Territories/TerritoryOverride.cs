using Spm.Domain.Organisation;

namespace Spm.Domain.Territories;

/// <summary>A stored account override: an account included in, or excluded from, one territory.</summary>
public sealed class TerritoryOverride : ITenantOwned
{
    public TerritoryOverride(Guid id, Guid tenantId, Guid territoryId, Guid accountId, OverrideKind kind)
    {
        Id = id;
        TenantId = tenantId;
        TerritoryId = territoryId;
        AccountId = accountId;
        Kind = kind;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid TerritoryId { get; private set; }

    public Guid AccountId { get; private set; }

    public OverrideKind Kind { get; private set; }
}
