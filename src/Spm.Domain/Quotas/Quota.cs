using Spm.Domain.Common;
using Spm.Domain.Organisation;

namespace Spm.Domain.Quotas;

/// <summary>
/// The target of one participant, team or territory in one period, by type. Amounts are in the
/// plan currency for revenue and whole numbers for counts. Every change goes through
/// <see cref="Change"/> or <see cref="Transition"/>, which return the history row to store with it.
/// </summary>
public sealed class Quota : ITenantOwned
{
    public Quota(
        Guid id,
        Guid tenantId,
        Guid? planId,
        Guid periodId,
        QuotaSubjectKind subjectKind,
        Guid subjectId,
        QuotaType type,
        string? currency,
        bool isOverlay)
    {
        Id = id;
        TenantId = tenantId;
        PlanId = planId;
        PeriodId = periodId;
        SubjectKind = subjectKind;
        ParticipantId = subjectKind == QuotaSubjectKind.Participant ? subjectId : null;
        TeamId = subjectKind == QuotaSubjectKind.Team ? subjectId : null;
        TerritoryId = subjectKind == QuotaSubjectKind.Territory ? subjectId : null;
        Type = type;
        Currency = type == QuotaType.Revenue ? CurrencyCode.Require(currency, nameof(currency)) : null;
        IsOverlay = isOverlay;
        Status = QuotaStatus.Draft;
    }

    private Quota()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>The sales plan it was allocated from, when it was.</summary>
    public Guid? PlanId { get; private set; }

    public Guid PeriodId { get; private set; }

    public QuotaSubjectKind SubjectKind { get; private set; }

    public Guid? ParticipantId { get; private set; }

    public Guid? TeamId { get; private set; }

    /// <summary>A territory's id; the territories feature owns the row (no foreign key yet).</summary>
    public Guid? TerritoryId { get; private set; }

    public Guid SubjectId => ParticipantId ?? TeamId ?? TerritoryId ?? Guid.Empty;

    public QuotaType Type { get; private set; }

    public decimal Amount { get; private set; }

    /// <summary>ISO currency of a revenue quota; null for counts.</summary>
    public string? Currency { get; private set; }

    /// <summary>An overlay specialist's quota on revenue also credited to the owner: it is not part of any roll-up.</summary>
    public bool IsOverlay { get; private set; }

    /// <summary>The ramp percentage applied to a new hire's month; null when fully ramped or for aggregates.</summary>
    public decimal? RampPercentage { get; private set; }

    public QuotaStatus Status { get; private set; }

    /// <summary>The approval request that covers this quota, while one does.</summary>
    public Guid? ApprovalRequestId { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The rounding unit: the currency's minor unit for revenue, one for counts.</summary>
    public decimal Unit => Type == QuotaType.Revenue ? CurrencyUnit(Currency!) : 1m;

    /// <summary>Sets the amount (and ramp), back to draft; returns the history row, or null when nothing changed.</summary>
    public QuotaChange? Change(decimal amount, decimal? rampPercentage, QuotaChangeAction action, QuotaActor actor, bool created = false)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequireAmount(amount, Unit, "amount");
        if (!created && amount == Amount && rampPercentage == RampPercentage && Status == QuotaStatus.Draft)
        {
            return null;
        }

        if (Status == QuotaStatus.Submitted)
        {
            throw new DomainException("QUOTA_PENDING_APPROVAL", $"Quota {Id} is submitted for approval; it cannot change until the request is decided.", "quotaId");
        }

        var change = new QuotaChange(actor.NewId(), TenantId, Id, actor.At, actor.Name, actor.ParticipantId, action, created ? null : Amount, amount, created ? null : Status, QuotaStatus.Draft, actor.Reason);
        Amount = amount;
        RampPercentage = rampPercentage;
        Status = QuotaStatus.Draft;
        ApprovalRequestId = null;
        UpdatedAt = actor.At;
        return change;
    }

    /// <summary>Moves through review (submitted, approved, rejected) under <paramref name="approvalRequestId"/>.</summary>
    public QuotaChange Transition(QuotaStatus status, Guid? approvalRequestId, QuotaChangeAction action, QuotaActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var change = new QuotaChange(actor.NewId(), TenantId, Id, actor.At, actor.Name, actor.ParticipantId, action, Amount, Amount, Status, status, actor.Reason);
        Status = status;
        ApprovalRequestId = approvalRequestId;
        UpdatedAt = actor.At;
        return change;
    }

    /// <summary>Refuses negative amounts and amounts finer than the unit, naming <paramref name="field"/>.</summary>
    public static decimal RequireAmount(decimal amount, decimal unit, string field)
    {
        if (amount < 0)
        {
            throw new DomainException("QUOTA_NEGATIVE", $"A quota must not be negative, got {amount}.", field);
        }

        if (amount / unit != decimal.Truncate(amount / unit))
        {
            throw new DomainException("QUOTA_PRECISION", $"The quota {amount} is not a whole number of {unit}.", field);
        }

        return amount;
    }

    /// <summary>The minor unit of a currency (0.01 for most, 1 for JPY, 0.001 for KWD).</summary>
    public static decimal CurrencyUnit(string currency)
    {
        var unit = 1m;
        for (var i = 0; i < CurrencyCode.MinorUnits(currency); i++)
        {
            unit /= 10m;
        }

        return unit;
    }

    /// <summary>The rounding unit of <paramref name="type"/> in <paramref name="currency"/>.</summary>
    public static decimal UnitFor(QuotaType type, string currency) => type == QuotaType.Revenue ? CurrencyUnit(currency) : 1m;
}
