using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Approvals;
using Spm.Api.Features.Audit;
using Spm.Api.Features.Organisation;
using Spm.Api.Features.Plans;
using Spm.Api.Graph;
using Spm.Domain.Approvals;
using Spm.Domain.Common;
using Spm.Domain.Organisation;
using Spm.Domain.Quotas;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Quotas;

/// <summary>
/// Mutations over quotas: top-down allocation (sales operations), bottom-up adjustment and the
/// approval workflow (managers in their subtree, admins anywhere). Each one saves everything it
/// changed, its history rows and its audit entry in one SaveChanges, or nothing.
/// </summary>
public static class QuotaMutations
{
    /// <summary>The approval subject kind of quota requests.</summary>
    public const string SubjectKind = "quota";

    public static void Register(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<AllocateQuotasPayloadGraphType>>("allocateQuotas")
            .Requires(Capability.WritePlanning)
            .Description("Allocates a plan's target top-down through the team hierarchy to the sellers, month by month so every child sums exactly to its parent in every period; quarters and the year are sums of months, new hires are ramped, overlay specialists get a share of their team's quota. Re-running it with the same input changes nothing.")
            .Argument<NonNullGraphType<AllocateQuotasInputGraphType>>("input", "What to allocate and how to weigh the sellers.")
            .ResolveAsync(async c => await Run(c, AllocateAsync, e => AllocateQuotasPayload.Failed(e)));
        mutation.Field<NonNullGraphType<AdjustQuotaPayloadGraphType>>("adjustQuota")
            .Requires(Capability.Approve)
            .Description("Changes one seller's quota bottom-up (a manager in their subtree, or an admin): its sub-periods are re-split in proportion, its parent periods and the teams above move by the same difference, and everything changed returns to DRAFT.")
            .Argument<NonNullGraphType<AdjustQuotaInputGraphType>>("input", "The quota, the new amount and why.")
            .ResolveAsync(async c => await Run(c, AdjustAsync, e => new AdjustQuotaPayload(null, [], [e])));
        mutation.Field<NonNullGraphType<QuotaApprovalPayloadGraphType>>("submitQuotas")
            .Requires(Capability.Approve)
            .Description("Submits a team's or seller's quota, with every quota below it in that period and its sub-periods, for approval by the managers above, nearest first.")
            .Argument<NonNullGraphType<SubmitQuotasInputGraphType>>("input", "The quota to submit.")
            .ResolveAsync(async c => await Run(c, SubmitAsync, e => new QuotaApprovalPayload(null, 0, [e])));
        mutation.Field<NonNullGraphType<QuotaApprovalPayloadGraphType>>("approveQuotas")
            .Requires(Capability.Approve)
            .Description("Approves the current step of a quota approval request: by its approver (a manager above the quotas), or by an admin in their place. The last step approves the quotas.")
            .Argument<NonNullGraphType<DecideQuotasInputGraphType>>("input", "The request and an optional comment.")
            .ResolveAsync(async c => await Run(c, ctx => DecideAsync(ctx, approve: true), e => new QuotaApprovalPayload(null, 0, [e])));
        mutation.Field<NonNullGraphType<QuotaApprovalPayloadGraphType>>("rejectQuotas")
            .Requires(Capability.Approve)
            .Description("Rejects a quota approval request at its current step, with a comment saying what to change; the quotas become REJECTED until adjusted and submitted again.")
            .Argument<NonNullGraphType<DecideQuotasInputGraphType>>("input", "The request and the (required) comment.")
            .ResolveAsync(async c => await Run(c, ctx => DecideAsync(ctx, approve: false), e => new QuotaApprovalPayload(null, 0, [e])));
    }

    private static async Task<T> Run<T>(IResolveFieldContext c, Func<MutationContext, Task<T>> body, Func<UserError, T> failed)
    {
        var services = c.RequestServices!;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(c.CancellationToken);
        try
        {
            return await body(new MutationContext(c, db, PlanningInput.From(c), services, now));
        }
        catch (DomainException ex)
        {
            // Nothing was saved: every mutation saves once, at its very end.
            return failed(PlanningInput.ToUserError(ex));
        }
    }

    private static async Task<AllocateQuotasPayload> AllocateAsync(MutationContext m)
    {
        var (c, db, input, ct) = (m.Context, m.Db, m.Input, m.Context.CancellationToken);
        var planId = input.RequireId("planId", SalesPlanGraphType.TypeName);
        var plan = await db.SalesPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct)
            ?? throw new DomainException("NOT_FOUND", "No sales plan has this id.", input.Field("planId"));
        var periods = await db.Periods.AsNoTracking().Where(p => p.FiscalYear == plan.FiscalYear).ToListAsync(ct);
        Period scope;
        if (input.Has("periodId"))
        {
            var periodId = input.Id("periodId", PeriodGraphType.TypeName);
            scope = periods.SingleOrDefault(p => p.Id == periodId)
                ?? throw new DomainException("NOT_FOUND", $"No period of fiscal year {plan.FiscalYear} (the plan's) has this id.", input.Field("periodId"));
        }
        else
        {
            if (input.Whole("fiscalYear") is { } year && year != plan.FiscalYear)
            {
                throw new DomainException("PLAN_FISCAL_YEAR_MISMATCH", $"The plan is for fiscal year {plan.FiscalYear}, not {year}.", input.Field("fiscalYear"));
            }

            scope = periods.SingleOrDefault(p => p.Kind == PeriodKind.FiscalYear)
                ?? throw new DomainException("PLAN_PERIODS_MISSING", $"Fiscal year {plan.FiscalYear} has no periods.", input.Field("planId"));
        }

        var type = input.Enum<QuotaType>("type") ?? QuotaType.Revenue;
        var unit = Quota.UnitFor(type, plan.Currency);
        var target = input.Number("target");
        if (target is { } t)
        {
            Quota.RequireAmount(t, unit, input.Field("target"));
        }
        else if (type != QuotaType.Revenue)
        {
            throw new DomainException("REQUIRED", $"A {type} allocation needs a `target`: the plan's target is revenue.", input.Field("target"));
        }

        var allocationPeriods = Remap(() => AllocationPlanner.Periods(plan, periods, scope, target, unit), input.Field("periodId"));
        var start = allocationPeriods.Months[0].Start;
        var end = periods.Single(p => p.Id == allocationPeriods.Months[^1].PeriodId).EndDate;
        var teams = await db.Teams.AsNoTracking().ToListAsync(ct);
        var people = await db.Participants.AsNoTracking().Where(p => p.TeamId != null).ToListAsync(ct);
        var carriers = AllocationPlanner.Carriers(people, start, end);
        var basis = input.Enum<AllocationWeightBasis>("weightBasis") ?? AllocationWeightBasis.Equal;
        var weights = await WeightsAsync(m, basis, carriers.Where(p => p.Role == ParticipantRole.Rep).Select(p => p.Id).ToList(), start);
        var overlayShare = input.Number("overlayShare") ?? 1m;
        var allocationInput = new QuotaAllocationInput(
            AllocationPlanner.Teams(teams),
            [.. carriers.Select(p => new QuotaCarrier(p.Id, p.TeamId!.Value, p.HireDate, p.Role == ParticipantRole.Overlay ? 1m : weights.GetValueOrDefault(p.Id), p.Role == ParticipantRole.Overlay))],
            allocationPeriods.Months,
            allocationPeriods.Aggregates,
            plan.RampCurve,
            unit,
            overlayShare);
        var weightsField = basis == AllocationWeightBasis.Custom ? input.Field("customWeights") : input.Field("weightBasis");
        var allocated = Remap(() => QuotaAllocation.Allocate(allocationInput), weightsField);

        var scopeIds = allocationPeriods.Months.Select(x => x.PeriodId).Concat(allocationPeriods.Aggregates.Select(x => x.PeriodId)).ToList();
        var existing = await db.Quotas.Where(q => q.Type == type && scopeIds.Contains(q.PeriodId) && q.SubjectKind != QuotaSubjectKind.Territory).ToListAsync(ct);
        var actor = m.Actor(input.Text("reason") ?? $"Top-down allocation of {plan.Name}, {scope.Name}, weighted {basis}.");
        QuotaLedgerResult result;
        try
        {
            result = QuotaLedger.ApplyAllocation(plan.TenantId, plan.Id, type, plan.Currency, existing, allocated, actor);
        }
        catch (DomainException ex) when (ex.Code == "QUOTA_PENDING_APPROVAL")
        {
            throw new DomainException(ex.Code, $"Some quotas of {scope.Name} are waiting for approval; decide or withdraw the request first. {ex.Message}", input.Field("periodId"));
        }

        db.Quotas.AddRange(result.Created);
        db.QuotaChanges.AddRange(result.Changes);
        m.Audit.Record(db, "quota.allocate", "SalesPlan", plan.Id.ToString(), null, new
        {
            Period = scope.Name,
            Type = type.ToString(),
            Basis = basis.ToString(),
            allocationPeriods.Total,
            Quotas = allocated.Count,
            Changed = result.Changes.Count,
        });
        await db.SaveChangesAsync(ct);

        var roots = teams.Where(x => x.ParentTeamId is null).Select(x => x.Id).ToHashSet();
        var top = existing.Concat(result.Created)
            .Where(q => q.PeriodId == scope.Id && q.TeamId is { } team && roots.Contains(team))
            .OrderBy(q => q.Id).ToList();
        return new AllocateQuotasPayload(plan, scope, allocationPeriods.Total, allocated.Count, result.Changes.Count, top, []);
    }

    private static async Task<Dictionary<Guid, decimal>> WeightsAsync(MutationContext m, AllocationWeightBasis basis, IReadOnlyList<Guid> reps, DateOnly asOf)
    {
        var input = m.Input;
        var custom = input.Objects("customWeights");
        if (basis != AllocationWeightBasis.Custom && custom.Count > 0)
        {
            throw new DomainException("CUSTOM_WEIGHTS_UNEXPECTED", $"customWeights apply only with weightBasis CUSTOM, not {basis}.", input.Field("customWeights"));
        }

        Dictionary<Guid, decimal> weights;
        string field;
        switch (basis)
        {
            case AllocationWeightBasis.Equal:
                weights = reps.ToDictionary(r => r, _ => 1m);
                field = input.Field("weightBasis");
                break;
            case AllocationWeightBasis.Custom:
                field = input.Field("customWeights");
                weights = [];
                var known = reps.ToHashSet();
                foreach (var row in custom)
                {
                    var id = row.RequireId("participantId", ParticipantGraphType.TypeName);
                    if (!known.Contains(id))
                    {
                        throw new DomainException("ALLOCATION_UNKNOWN_PARTICIPANT", "This participant does not carry quota in the period (not a rep in a team, or not employed then).", row.Field("participantId"));
                    }

                    var weight = row.RequireNumber("weight");
                    if (weight < 0)
                    {
                        throw new DomainException("ALLOCATION_NEGATIVE_WEIGHT", $"Weight {weight} is negative; weights must be zero or more.", row.Field("weight"));
                    }

                    if (!weights.TryAdd(id, weight))
                    {
                        throw new DomainException("ALLOCATION_DUPLICATE_CHILD", "This participant already has a weight.", row.Field("participantId"));
                    }
                }

                break;
            default:
                field = input.Field("weightBasis");
                var source = m.Services.GetServices<IAllocationWeightSource>().FirstOrDefault(s => s.Basis == basis)
                    ?? throw new DomainException(
                        "WEIGHT_SOURCE_UNAVAILABLE",
                        $"No weight source for {(basis == AllocationWeightBasis.PriorPeriodActuals ? "PRIOR_PERIOD_ACTUALS" : "TERRITORY_POTENTIAL")} is available in this installation yet; use EQUAL or CUSTOM.",
                        field);
                weights = new Dictionary<Guid, decimal>(await source.WeightsAsync(reps, asOf, m.Context.CancellationToken));
                if (weights.FirstOrDefault(w => w.Value < 0) is { Value: < 0 } negative)
                {
                    throw new DomainException("ALLOCATION_NEGATIVE_WEIGHT", $"The {basis} source gave participant {negative.Key} a negative weight {negative.Value}.", field);
                }

                break;
        }

        if (reps.Sum(r => weights.GetValueOrDefault(r)) == 0)
        {
            throw new DomainException("ALLOCATION_ZERO_WEIGHTS", "The weights sum to zero, so there is no basis to split the target; give at least one seller a positive weight or use EQUAL.", field);
        }

        return weights;
    }

    private static async Task<AdjustQuotaPayload> AdjustAsync(MutationContext m)
    {
        var (db, input, ct) = (m.Db, m.Input, m.Context.CancellationToken);
        var id = input.RequireId("quotaId", QuotaGraphType.TypeName);
        var quota = await db.Quotas.SingleOrDefaultAsync(q => q.Id == id, ct)
            ?? throw new DomainException("NOT_FOUND", "No quota has this id.", input.Field("quotaId"));
        var amount = input.RequireNumber("amount");
        var reason = input.Text("reason");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("REQUIRED", "Say why the quota changes; the reason goes into its history.", input.Field("reason"));
        }

        if (quota.SubjectKind == QuotaSubjectKind.Team)
        {
            throw new DomainException("QUOTA_ADJUST_TEAM", "A team's quota is the sum of its members' and sub-teams'; adjust those and the team follows.", input.Field("quotaId"));
        }

        var chart = await ApprovalWorkflow.LoadChartAsync(db, ct);
        var owner = new ApprovalOwner(null, quota.ParticipantId);
        if (quota.SubjectKind == QuotaSubjectKind.Territory && !m.Workflow.IsAdmin)
        {
            throw new DomainException("APPROVAL_NOT_ALLOWED", "Only sales operations adjust territory quotas.", input.Field("quotaId"));
        }

        if (quota.SubjectKind == QuotaSubjectKind.Participant)
        {
            m.Workflow.EnsureMayActOn(chart, owner, input.Field("quotaId"));
        }

        var period = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == quota.PeriodId, ct);
        var yearPeriods = await db.Periods.AsNoTracking().Where(p => p.FiscalYear == period.FiscalYear).ToListAsync(ct);
        var yearIds = yearPeriods.Select(p => p.Id).ToList();
        var subjectQuotas = await db.Quotas
            .Where(q => q.Type == quota.Type && q.IsOverlay == quota.IsOverlay && yearIds.Contains(q.PeriodId)
                && q.ParticipantId == quota.ParticipantId && q.TeamId == quota.TeamId && q.TerritoryId == quota.TerritoryId)
            .ToListAsync(ct);
        var ancestors = new List<IReadOnlyList<Quota>>();
        if (quota.ParticipantId is { } pid && chart.Person(pid)?.TeamId is { } team)
        {
            var teamIds = chart.TeamAndAncestors(team).ToList();
            var teamQuotas = await db.Quotas
                .Where(q => q.Type == quota.Type && !q.IsOverlay && yearIds.Contains(q.PeriodId) && q.TeamId != null && teamIds.Contains(q.TeamId.Value))
                .ToListAsync(ct);
            ancestors.AddRange(teamIds.Select(t => (IReadOnlyList<Quota>)teamQuotas.Where(q => q.TeamId == t).ToList()));
        }

        var parents = yearPeriods.ToDictionary(p => p.Id, p => p.ParentId);
        var changes = QuotaLedger.Adjust(quota, amount, parents, subjectQuotas, ancestors, m.Actor(reason.Trim()));
        db.QuotaChanges.AddRange(changes);
        m.Audit.Record(db, "quota.adjust", "Quota", quota.Id.ToString(), new { Amount = changes.FirstOrDefault(h => h.QuotaId == quota.Id)?.OldAmount ?? quota.Amount }, new { quota.Amount, Reason = reason, Changed = changes.Count });
        await db.SaveChangesAsync(ct);
        var changedIds = changes.Select(h => h.QuotaId).ToHashSet();
        var changed = subjectQuotas.Concat(ancestors.SelectMany(a => a)).Where(q => changedIds.Contains(q.Id)).Distinct().OrderBy(q => q.Id).ToList();
        return new AdjustQuotaPayload(quota, changed, []);
    }

    private static async Task<QuotaApprovalPayload> SubmitAsync(MutationContext m)
    {
        var (db, input, ct) = (m.Db, m.Input, m.Context.CancellationToken);
        var id = input.RequireId("quotaId", QuotaGraphType.TypeName);
        var quota = await db.Quotas.AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, ct)
            ?? throw new DomainException("NOT_FOUND", "No quota has this id.", input.Field("quotaId"));
        if (quota.SubjectKind == QuotaSubjectKind.Territory)
        {
            throw new DomainException("APPROVAL_SUBJECT_UNSUPPORTED", "Territory quotas are not approved through the manager chain yet.", input.Field("quotaId"));
        }

        var chart = await ApprovalWorkflow.LoadChartAsync(db, ct);
        var owner = new ApprovalOwner(quota.TeamId, quota.ParticipantId);
        var covered = await CoveredAsync(db, chart, quota, ct);
        if (covered.FirstOrDefault(q => q.Status == QuotaStatus.Submitted) is { } pending)
        {
            throw new DomainException("QUOTA_ALREADY_SUBMITTED", $"Quota {pending.Id} below it is already waiting for approval.", input.Field("quotaId"));
        }

        var period = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == quota.PeriodId, ct);
        var subjectName = quota.TeamId is { } teamId
            ? await db.Teams.Where(t => t.Id == teamId).Select(t => t.Name).SingleAsync(ct)
            : await db.Participants.Where(p => p.Id == quota.ParticipantId).Select(p => p.Name).SingleAsync(ct);
        var record = m.Workflow.Submit(chart, new ApprovalSubject(SubjectKind, quota.Id), owner, $"{period.Name} {quota.Type} quotas of {subjectName}", input.Field("quotaId"));
        db.ApprovalRequests.Add(record);
        var actor = m.Actor($"Submitted for approval ({record.Title}).");
        db.QuotaChanges.AddRange(covered.Select(q => q.Transition(QuotaStatus.Submitted, record.Id, QuotaChangeAction.Submitted, actor)));
        m.Audit.Record(db, "quota.submit", "ApprovalRequest", record.Id.ToString(), null, new { record.Title, Subject = quota.Id, Quotas = covered.Count, Approvers = record.Steps.Select(s => s.ApproverId) });
        await db.SaveChangesAsync(ct);
        return new QuotaApprovalPayload(record, covered.Count, []);
    }

    private static async Task<QuotaApprovalPayload> DecideAsync(MutationContext m, bool approve)
    {
        var (db, input, ct) = (m.Db, m.Input, m.Context.CancellationToken);
        var id = input.RequireId("approvalRequestId", ApprovalRequestGraphType.TypeName);
        var record = await db.ApprovalRequests.AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new DomainException("NOT_FOUND", "No approval request has this id.", input.Field("approvalRequestId"));
        if (record.SubjectKind != SubjectKind)
        {
            throw new DomainException("APPROVAL_SUBJECT_MISMATCH", $"This request is about a {record.SubjectKind}, not quotas.", input.Field("approvalRequestId"));
        }

        var subject = await db.Quotas.AsNoTracking().SingleOrDefaultAsync(q => q.Id == record.SubjectId, ct)
            ?? throw new DomainException("NOT_FOUND", "The quota this request is about no longer exists.", input.Field("approvalRequestId"));
        var chart = await ApprovalWorkflow.LoadChartAsync(db, ct);
        var before = new { State = record.State.ToString(), Step = record.CurrentStep };
        var comment = input.Text("comment");
        m.Workflow.Decide(record, chart, new ApprovalOwner(subject.TeamId, subject.ParticipantId), approve, comment, input.Field("approvalRequestId"));
        var covered = await db.Quotas.Where(q => q.ApprovalRequestId == record.Id).ToListAsync(ct);
        var actor = m.Actor(string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
        if (record.State is ApprovalState.Approved or ApprovalState.Rejected)
        {
            var (status, action) = record.State == ApprovalState.Approved
                ? (QuotaStatus.Approved, QuotaChangeAction.Approved)
                : (QuotaStatus.Rejected, QuotaChangeAction.Rejected);
            db.QuotaChanges.AddRange(covered.Select(q => q.Transition(status, record.Id, action, actor)));
        }

        m.Audit.Record(db, approve ? "quota.approve" : "quota.reject", "ApprovalRequest", record.Id.ToString(), before, new { State = record.State.ToString(), Step = record.CurrentStep, Comment = comment });
        await db.SaveChangesAsync(ct);
        return new QuotaApprovalPayload(record, covered.Count, []);
    }

    /// <summary>The quota and everything below it: sub-teams and their members, and the sub-periods, of the same type.</summary>
    private static async Task<List<Quota>> CoveredAsync(SpmDbContext db, OrgChart chart, Quota quota, CancellationToken ct)
    {
        var period = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == quota.PeriodId, ct);
        var yearPeriods = await db.Periods.AsNoTracking().Where(p => p.FiscalYear == period.FiscalYear).ToListAsync(ct);
        var periodIds = new List<Guid> { period.Id };
        for (var i = 0; i < periodIds.Count; i++)
        {
            periodIds.AddRange(yearPeriods.Where(p => p.ParentId == periodIds[i]).Select(p => p.Id));
        }

        if (quota.TeamId is { } team)
        {
            var teams = chart.TeamSubtree(team).ToList();
            var members = await db.Participants.AsNoTracking().Where(p => p.TeamId != null && teams.Contains(p.TeamId.Value)).Select(p => p.Id).ToListAsync(ct);
            return await db.Quotas
                .Where(q => q.Type == quota.Type && periodIds.Contains(q.PeriodId)
                    && ((q.TeamId != null && teams.Contains(q.TeamId.Value)) || (q.ParticipantId != null && members.Contains(q.ParticipantId.Value))))
                .ToListAsync(ct);
        }

        return await db.Quotas.Where(q => q.Type == quota.Type && periodIds.Contains(q.PeriodId) && q.ParticipantId == quota.ParticipantId).ToListAsync(ct);
    }

    private static T Remap<T>(Func<T> run, string field)
    {
        try
        {
            return run();
        }
        catch (DomainException ex) when (ex.Field is null)
        {
            throw new DomainException(ex.Code, ex.Message, field);
        }
    }

    /// <summary>What every quota mutation works with.</summary>
    private sealed record MutationContext(IResolveFieldContext Context, SpmDbContext Db, PlanningInput Input, IServiceProvider Services, DateTimeOffset Now)
    {
        public AuditTrail Audit => Services.GetRequiredService<AuditTrail>();

        public ApprovalWorkflow Workflow => Services.GetRequiredService<ApprovalWorkflow>();

        public QuotaActor Actor(string? reason)
        {
            var caller = Services.GetRequiredService<Caller>();
            var now = Now;
            return new QuotaActor(caller.Subject, caller.ParticipantId, now, reason, () => Guid.CreateVersion7(now));
        }
    }
}
