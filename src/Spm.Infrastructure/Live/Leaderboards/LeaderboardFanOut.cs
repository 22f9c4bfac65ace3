using Spm.Domain.Events;
using Spm.Domain.Live;
using Spm.Domain.Organisation;

namespace Spm.Infrastructure.Live.Leaderboards;

/// <summary>
/// Write-time fan-out: what one event changes on every board. Each contribution (from
/// <see cref="MetricContributions"/>, the one reading of events shared with contests) lands on each board that counts
/// its metric, in the one window of the board's kind containing the contribution's date, for the subject (the
/// participant, or their team) when the participant is in the board's scope. The projection and the rebuild both
/// use it, so Redis and a rebuild can never disagree about what an event means.
/// </summary>
public static class LeaderboardFanOut
{
    public static IReadOnlyList<LeaderboardOperation> Of(IOutboxEvent outboxEvent, IReadOnlyList<LeaderboardDefinition> boards, LiveTenant tenant)
    {
        ArgumentNullException.ThrowIfNull(boards);
        ArgumentNullException.ThrowIfNull(tenant);
        var operations = new List<LeaderboardOperation>();
        foreach (var contribution in MetricContributions.From(outboxEvent, tenant.Zone))
        {
            foreach (var board in boards)
            {
                var weight = board.Metrics.FirstOrDefault(m => m.Metric == contribution.Metric)?.Weight;
                if (weight is null || WindowOf(board, contribution, tenant) is not { } window || tenant.SubjectOf(board, contribution.ParticipantId, contribution.Date) is not { } subject)
                {
                    continue;
                }

                operations.Add(new LeaderboardOperation(board, window, subject, contribution.Value * weight.Value, contribution.IsAbsolute));
            }
        }

        return operations;
    }

    private static WindowRange? WindowOf(LeaderboardDefinition board, MetricContribution contribution, LiveTenant tenant)
    {
        if (!contribution.IsAbsolute)
        {
            return WindowRange.Containing(board.Window, contribution.Date, tenant.Calendar);
        }

        // Attainment belongs to a quota period: it ranks on the board whose window is that period.
        if (contribution.PeriodId is not { } periodId || !tenant.Periods.TryGetValue(periodId, out var period))
        {
            return null;
        }

        var matches = (board.Window, period.Kind) switch
        {
            (LeaderboardWindow.Month, PeriodKind.Month) or (LeaderboardWindow.Quarter, PeriodKind.Quarter) or (LeaderboardWindow.FiscalYear, PeriodKind.FiscalYear) => true,
            _ => false,
        };
        return matches ? WindowRange.Containing(board.Window, period.Start, tenant.Calendar) : null;
    }
}
