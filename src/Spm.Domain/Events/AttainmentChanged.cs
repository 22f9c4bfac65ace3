using Spm.Domain.Quotas;

namespace Spm.Domain.Events;

/// <summary>
/// Attainment of one participant, team or territory in one period and quota type after a commit.
/// <see cref="AttainmentPercent"/> is null when there is no quota (attainment of nothing is undefined, not 0 %).
/// </summary>
public sealed record AttainmentChanged(
    Guid EventId,
    Guid TenantId,
    DateTimeOffset OccurredAt,
    AttainmentScope Scope,
    Guid ScopeId,
    Guid PeriodId,
    QuotaType QuotaType,
    decimal Credited,
    decimal PreviousCredited,
    decimal? Quota,
    decimal? AttainmentPercent,
    string Currency) : IOutboxEvent
{
    public const string TypeName = "attainment.changed";

    public string Type => TypeName;

    public int SchemaVersion => 1;
}
