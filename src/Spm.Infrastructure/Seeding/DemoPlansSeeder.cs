using Microsoft.EntityFrameworkCore;
using Spm.Domain.Approvals;
using Spm.Domain.Common;
using Spm.Domain.Organisation;
using Spm.Domain.Planning;
using Spm.Domain.Quotas;
using Spm.Infrastructure.Persistence;

namespace Spm.Infrastructure.Seeding;

/// <summary>
/// Gives the demo tenant an FY2027 sales plan (48 M USD, seasonality, capacity assumptions), revenue quotas
/// allocated equally down the demo teams for the year, its quarters and months (new hires ramped), and one
/// pending approval: EMEA's quotas, submitted by its manager, waiting for the VP. Deterministic (fixed seed
/// and timestamps) and idempotent: a tenant that has an FY2027 plan is left alone.
/// </summary>
public sealed class DemoPlansSeeder(SpmDbContext db)
{
    public const int FiscalYear = 2027;
    public const decimal RevenueTarget = 48_000_000m;
    public const string PendingTeam = "EMEA";

    private const int Seed = 20_270_201;

    /// <summary>Quarter 4 carries the year-end push; every quarter's months ramp up to its close.</summary>
    public static readonly IReadOnlyList<decimal> Seasonality = [0.06m, 0.07m, 0.08m, 0.07m, 0.08m, 0.09m, 0.08m, 0.08m, 0.09m, 0.08m, 0.09m, 0.13m];

    private static readonly DateTimeOffset At = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset IdEpoch = new(2026, 1, 2, 0, 0, 0, TimeSpan.Zero);

    private readonly Random random = new(Seed);
    private long idCounter;

    public async Task SeedAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        if (await db.SalesPlans.IgnoreQueryFilters().AnyAsync(p => p.TenantId == tenantId && p.FiscalYear == FiscalYear, cancellationToken))
        {
            return;
        }

        var tenant = await db.Tenants.IgnoreQueryFilters().SingleAsync(t => t.Id == tenantId, cancellationToken);
        var periods = await db.Periods.IgnoreQueryFilters().Where(p => p.TenantId == tenantId && p.FiscalYear == FiscalYear).ToListAsync(cancellationToken);
        if (periods.Count == 0)
        {
            // The organisation seeds the current and previous year; FY2027 may be neither on a later clock.
            periods = [.. Period.Generate(tenantId, tenant.Calendar, FiscalYear, NextId)];
            db.Periods.AddRange(periods);
        }

        var plan = new SalesPlan(
            NextId(),
            tenantId,
            FiscalYear,
            "FY2027 sales plan",
            tenant.ReportingCurrency,
            RevenueTarget,
            Seasonality,
            new CapacityAssumptions(75_000m, [0.25m, 0.5m, 0.75m], 0.15m, 2),
            At);
        plan.Revise(null, null, null, null, SalesPlanStatus.Active, At);
        plan.SetTargets(periods);
        db.SalesPlans.Add(plan);

        var teams = await db.Teams.IgnoreQueryFilters().AsNoTracking().Where(t => t.TenantId == tenantId).ToListAsync(cancellationToken);
        var people = await db.Participants.IgnoreQueryFilters().AsNoTracking().Where(p => p.TenantId == tenantId).ToListAsync(cancellationToken);
        var year = periods.Single(p => p.Kind == PeriodKind.FiscalYear);
        var unit = Quota.UnitFor(QuotaType.Revenue, plan.Currency);
        var scope = AllocationPlanner.Periods(plan, periods, year, null, unit);
        var carriers = AllocationPlanner.Carriers(people, year.StartDate, year.EndDate);
        var allocated = QuotaAllocation.Allocate(new QuotaAllocationInput(
            AllocationPlanner.Teams(teams),
            [.. carriers.Select(p => new QuotaCarrier(p.Id, p.TeamId!.Value, p.HireDate, 1m, p.Role == ParticipantRole.Overlay))],
            scope.Months,
            scope.Aggregates,
            plan.RampCurve,
            unit));
        var actor = new QuotaActor("system", null, At, "Demo data: FY2027 plan allocated equally.", NextId);
        var written = QuotaLedger.ApplyAllocation(tenantId, plan.Id, QuotaType.Revenue, plan.Currency, [], allocated, actor);
        db.Quotas.AddRange(written.Created);
        db.QuotaChanges.AddRange(written.Changes);

        // One request waiting for a decision: EMEA's manager submitted the region's year for the VP to approve.
        var chart = new OrgChart(teams.Select(t => new OrgTeam(t.Id, t.ParentTeamId, t.ManagerId)), people.Select(p => new OrgPerson(p.Id, p.ManagerId, p.TeamId)));
        var emea = teams.Single(t => t.Name == PendingTeam);
        var manager = emea.ManagerId ?? throw new InvalidOperationException("The demo EMEA team has no manager.");
        var emeaQuota = written.Created.Single(q => q.TeamId == emea.Id && q.PeriodId == year.Id);
        var request = ApprovalRequest.Create(new ApprovalSubject("quota", emeaQuota.Id), manager, chart.ApproversForTeam(emea.Id)).Submit(manager, At.AddDays(1));
        var record = new ApprovalRecord(NextId(), tenantId, request, $"{year.Name} Revenue quotas of {emea.Name}", "demo-manager", At.AddDays(1));
        db.ApprovalRequests.Add(record);
        var subtree = chart.TeamSubtree(emea.Id);
        var members = people.Where(p => p.TeamId is { } t && subtree.Contains(t)).Select(p => p.Id).ToHashSet();
        var submitter = new QuotaActor("demo-manager", manager, At.AddDays(1), $"Submitted for approval ({record.Title}).", NextId);
        foreach (var quota in written.Created.Where(q => (q.TeamId is { } t && subtree.Contains(t)) || (q.ParticipantId is { } p && members.Contains(p))))
        {
            db.QuotaChanges.Add(quota.Transition(QuotaStatus.Submitted, record.Id, QuotaChangeAction.Submitted, submitter));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private Guid NextId() => GuidV7.Create(IdEpoch.ToUnixTimeMilliseconds() + idCounter++, random);
}
