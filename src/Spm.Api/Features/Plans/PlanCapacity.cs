using Microsoft.EntityFrameworkCore;
using Spm.Domain.Organisation;
using Spm.Domain.Planning;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Plans;

/// <summary>Runs the capacity model for a plan over the tenant's current roster of quota-carrying reps.</summary>
public static class PlanCapacity
{
    public static async Task<CapacityResult> RunAsync(
        SpmDbContext db,
        SalesPlan plan,
        CapacityAssumptions? whatIf,
        decimal? target,
        IReadOnlyList<decimal>? seasonality,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        var periods = await db.Periods.AsNoTracking().Where(p => p.FiscalYear == plan.FiscalYear).ToListAsync(cancellationToken);
        var year = periods.SingleOrDefault(p => p.Kind == PeriodKind.FiscalYear)
            ?? throw new Spm.Domain.Common.DomainException("PLAN_PERIODS_MISSING", $"Fiscal year {plan.FiscalYear} has no periods.", "planId");
        var months = periods.Where(p => p.Kind == PeriodKind.Month).OrderBy(p => p.Number).ToList();
        var start = year.StartDate;

        // The roster: quota-carrying reps not gone by the plan start, including signed hires who start later.
        var reps = await db.Participants.AsNoTracking()
            .Where(p => p.Role == ParticipantRole.Rep && (p.TerminationDate == null || p.TerminationDate >= start))
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.HireDate })
            .ToListAsync(cancellationToken);
        var roster = reps.Select(r => new RosterMember(r.Id.ToString("N"), r.HireDate)).ToList();
        var input = plan.CapacityInput(start, roster, whatIf, target, seasonality);
        var model = CapacityModel.Build(input);
        var assumptions = new CapacityAssumptions(input.ProductivityPerRampedRepPerMonth, input.RampCurve, input.AnnualAttritionRate, input.HiringLeadTimeMonths);
        var isWhatIf = whatIf is not null || target is not null || seasonality is not null;
        return new CapacityResult(plan, input.AnnualTarget, assumptions, reps.Count(r => r.HireDate <= start), model, months, isWhatIf);
    }
}
