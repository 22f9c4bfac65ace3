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

    /// <summary>
    /// Each total's last change, in order of first appearance: every event carries the running total, so the last is
    /// the state; it takes the first one's <see cref="PreviousCredited"/>, so a push of it still shows the whole move.
    /// </summary>
    public static IReadOnlyList<AttainmentChanged> LatestOfEach(IEnumerable<AttainmentChanged> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var latest = new Dictionary<(AttainmentScope, Guid, Guid, QuotaType), (AttainmentChanged First, AttainmentChanged Last)>();
        var order = new List<(AttainmentScope, Guid, Guid, QuotaType)>();
        foreach (var change in changes)
        {
            var key = (change.Scope, change.ScopeId, change.PeriodId, change.QuotaType);
            if (latest.TryGetValue(key, out var seen))
            {
                latest[key] = (seen.First, change);
            }
            else
            {
                latest[key] = (change, change);
                order.Add(key);
            }
        }

        return [.. order.Select(k => latest[k].Last with { PreviousCredited = latest[k].First.PreviousCredited })];
    }
}
