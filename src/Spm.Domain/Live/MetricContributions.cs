using Spm.Domain.Crediting;
using Spm.Domain.Events;

namespace Spm.Domain.Live;

/// <summary>
/// The one place that says what an outbox event means for live scores. Leaderboards and contests both read
/// events through it, so a deal counts the same on a board and in a contest.
/// </summary>
public static class MetricContributions
{
    /// <summary>The contributions of <paramref name="outboxEvent"/>; events that move no score give none.</summary>
    public static IReadOnlyList<MetricContribution> From(IOutboxEvent outboxEvent, TimeZoneInfo tenantZone)
    {
        ArgumentNullException.ThrowIfNull(outboxEvent);
        ArgumentNullException.ThrowIfNull(tenantZone);
        return outboxEvent switch
        {
            CreditsChanged credits => [.. credits.Deltas
                .Where(d => d.Type != CreditType.Rollup)
                .Select(d => new MetricContribution(d.ParticipantId, LiveMetric.CreditedRevenue, d.ReportingAmount, d.PostingDate))],
            SaleRecorded sale => [new MetricContribution(sale.OwnerParticipantId, LiveMetric.DealsWon, 1m, sale.CloseDate)],
            SaleCancelled sale => [new MetricContribution(sale.OwnerParticipantId, LiveMetric.DealsWon, -1m, sale.CloseDate)],
            ActivityLogged activity when ActivityMetric(activity.Kind) is { } metric =>
                [new MetricContribution(activity.ParticipantId, metric, 1m, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(activity.At, tenantZone).DateTime))],
            AttainmentChanged { Scope: AttainmentScope.Participant, AttainmentPercent: { } percent } attainment =>
                [new MetricContribution(attainment.ScopeId, LiveMetric.AttainmentPercent, percent, DateOnly.FromDateTime(attainment.OccurredAt.UtcDateTime), IsAbsolute: true, attainment.PeriodId)],
            _ => [],
        };
    }

    /// <summary>The metric counting activities of <paramref name="kind"/> (call, email, meeting, demo, visit, any case); null for other kinds.</summary>
    public static LiveMetric? ActivityMetric(string kind) => kind?.ToUpperInvariant() switch
    {
        "CALL" => LiveMetric.Calls,
        "EMAIL" => LiveMetric.Emails,
        "MEETING" => LiveMetric.Meetings,
        "DEMO" => LiveMetric.Demos,
        "VISIT" => LiveMetric.Visits,
        _ => null,
    };
}
