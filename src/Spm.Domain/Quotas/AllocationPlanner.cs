using Spm.Domain.Common;
using Spm.Domain.Organisation;
using Spm.Domain.Planning;

namespace Spm.Domain.Quotas;

/// <summary>
/// Builds the input of <see cref="QuotaAllocation"/> from stored rows: the months of the period allocated with
/// their seasonal targets, the quarters and year above them, the team tree and who carries quota.
/// </summary>
public static class AllocationPlanner
{
    /// <summary>
    /// Months of <paramref name="scope"/> (a year, quarter or month of the plan's fiscal year) with their targets:
    /// the plan's own period targets, or <paramref name="target"/> spread over the scope by the plan's seasonality.
    /// </summary>
    public static AllocationPeriods Periods(SalesPlan plan, IReadOnlyList<Period> yearPeriods, Period scope, decimal? target, decimal unit)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(yearPeriods);
        ArgumentNullException.ThrowIfNull(scope);
        var months = yearPeriods.Where(p => p.Kind == PeriodKind.Month && (p.Id == scope.Id || p.ParentId == scope.Id || scope.Kind == PeriodKind.FiscalYear))
            .OrderBy(p => p.Number).ToList();
        var quarters = yearPeriods.Where(p => p.Kind == PeriodKind.Quarter).OrderBy(p => p.Number).ToList();
        if (scope.Kind == PeriodKind.FiscalYear && (months.Count != 12 || quarters.Count != 4))
        {
            throw new DomainException("PLAN_PERIODS_MISSING", $"Fiscal year {scope.FiscalYear} lacks some of its quarters or months.", "periodId");
        }

        var weights = plan.SeasonalityWeights;
        decimal[] amounts;
        if (target is not { } total)
        {
            var split = plan.Split();
            amounts = [.. months.Select(m => split.Months[m.Number - 1])];
            total = amounts.Sum();
        }
        else if (scope.Kind == PeriodKind.FiscalYear)
        {
            // Quarters first, then months, exactly as the plan's own targets are split.
            amounts = [.. Seasonality.Split(total, weights, unit).Months];
        }
        else
        {
            var monthWeights = months.Select(m => weights[m.Number - 1]).ToArray();
            amounts = monthWeights.Sum() == 0 ? [.. Allocator.SplitEqually(total, months.Count, unit)] : [.. Allocator.Split(total, monthWeights, unit)];
        }

        var allocationMonths = months.Select((m, i) => new AllocationMonth(m.Id, m.StartDate, amounts[i])).ToList();
        var aggregates = new List<AllocationAggregate>();
        if (scope.Kind != PeriodKind.Month)
        {
            foreach (var quarter in quarters.Where(q => scope.Kind == PeriodKind.FiscalYear || q.Id == scope.Id))
            {
                aggregates.Add(new AllocationAggregate(quarter.Id, [.. months.Where(m => m.ParentId == quarter.Id).Select(m => m.Id)]));
            }

            if (scope.Kind == PeriodKind.FiscalYear)
            {
                aggregates.Add(new AllocationAggregate(scope.Id, [.. quarters.Select(q => q.Id)]));
            }
        }

        return new AllocationPeriods(allocationMonths, aggregates, total);
    }

    /// <summary>The team tree in a stable order (name, then id), which is the tie-break order of the rounding.</summary>
    public static IReadOnlyList<QuotaTreeTeam> Teams(IEnumerable<Team> teams) =>
        [.. teams.OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Id).Select(t => new QuotaTreeTeam(t.Id, t.ParentTeamId))];

    /// <summary>
    /// Who carries quota between <paramref name="from"/> and <paramref name="to"/>: reps and overlay specialists in a team,
    /// hired by the end and not gone before the start; in a stable order (name, then id).
    /// </summary>
    public static IReadOnlyList<Participant> Carriers(IEnumerable<Participant> participants, DateOnly from, DateOnly to) =>
        [.. participants
            .Where(p => p.TeamId is not null
                && p.Role is ParticipantRole.Rep or ParticipantRole.Overlay
                && p.HireDate <= to
                && (p.TerminationDate is null || p.TerminationDate >= from))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Id)];
}
