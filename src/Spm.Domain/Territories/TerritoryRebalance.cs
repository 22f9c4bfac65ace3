using Spm.Domain.Organisation;

namespace Spm.Domain.Territories;

/// <summary>
/// A stored rebalancing proposal: the rebalancer's moves and balance for the children of one parent on one date, kept
/// so an admin can review it and apply it later. <see cref="Fingerprint"/> summarises which account sat in which
/// sibling when it was proposed; applying refuses a proposal whose fingerprint no longer matches.
/// </summary>
public sealed class TerritoryRebalance : ITenantOwned
{
    public TerritoryRebalance(Guid id, Guid tenantId, Guid parentId, DateOnly asOf, string optionsJson, string movesJson, string balanceJson, string fingerprint, DateTimeOffset createdAt, string createdBy)
    {
        Id = id;
        TenantId = tenantId;
        ParentId = parentId;
        AsOf = asOf;
        OptionsJson = optionsJson;
        MovesJson = movesJson;
        BalanceJson = balanceJson;
        Fingerprint = fingerprint;
        CreatedAt = createdAt;
        CreatedBy = createdBy;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid ParentId { get; private set; }

    public DateOnly AsOf { get; private set; }

    public string OptionsJson { get; private set; }

    public string MovesJson { get; private set; }

    public string BalanceJson { get; private set; }

    public string Fingerprint { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset? AppliedAt { get; private set; }

    public void MarkApplied(DateTimeOffset at) => AppliedAt = at;
}
