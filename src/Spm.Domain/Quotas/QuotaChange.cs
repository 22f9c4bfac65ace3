using Spm.Domain.Organisation;

namespace Spm.Domain.Quotas;

/// <summary>One append-only row of a quota's history: what it was, what it became, who did it and why.</summary>
public sealed class QuotaChange : ITenantOwned
{
    public QuotaChange(
        Guid id,
        Guid tenantId,
        Guid quotaId,
        DateTimeOffset at,
        string actor,
        Guid? actorParticipantId,
        QuotaChangeAction action,
        decimal? oldAmount,
        decimal newAmount,
        QuotaStatus? oldStatus,
        QuotaStatus newStatus,
        string? reason)
    {
        Id = id;
        TenantId = tenantId;
        QuotaId = quotaId;
        At = at;
        Actor = actor;
        ActorParticipantId = actorParticipantId;
        Action = action;
        OldAmount = oldAmount;
        NewAmount = newAmount;
        OldStatus = oldStatus;
        NewStatus = newStatus;
        Reason = reason;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid QuotaId { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The token subject of whoever made the change ("system" for seeding).</summary>
    public string Actor { get; private set; }

    public Guid? ActorParticipantId { get; private set; }

    public QuotaChangeAction Action { get; private set; }

    /// <summary>Null when the quota was created by this change.</summary>
    public decimal? OldAmount { get; private set; }

    public decimal NewAmount { get; private set; }

    public QuotaStatus? OldStatus { get; private set; }

    public QuotaStatus NewStatus { get; private set; }

    public string? Reason { get; private set; }
}
