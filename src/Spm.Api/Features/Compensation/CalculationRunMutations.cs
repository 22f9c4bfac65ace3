using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Organisation;
using Spm.Domain.Common;
using Spm.Domain.Organisation;
using Spm.Infrastructure.Compensation;

namespace Spm.Api.Features.Compensation;

/// <summary>Starting calculation runs: the row is written here, the work happens in <see cref="CalculationRunWorker"/>.</summary>
public static class CalculationRunMutations
{
    public static void Register(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<CalculationRunPayloadGraphType>>("startCalculationRun")
            .Requires(Capability.ManageCompensation)
            .Description("Queues a calculation of a period with the published plans, for everyone on a plan or the participants listed. It runs in the background (parallel per participant, deterministic); follow it with the `calculationRunProgress` subscription. Any node may compute it, and another takes it over if that node dies. The locked (paid) periods of the fiscal year are recalculated with today's data, and what changed since they were paid is paid once as PRIOR_PERIOD_ADJUSTMENT lines. A locked period is refused.")
            .Argument<NonNullGraphType<StartCalculationRunInputGraphType>>("input", "The period and, optionally, the participants.")
            .ResolveAsync(async c => await CompensationMutation.Run(c, StartAsync, e => new CalculationRunPayload(null, [e])));
        mutation.Field<NonNullGraphType<CalculationRunPayloadGraphType>>("startWhatIfRun")
            .Requires(Capability.ManageCompensation)
            .Description("Queues a what-if run: a DRAFT plan version in place of its published one over a period (locked ones too: nothing is paid), for the participants on that plan. Compare it with a regular run with `compareCalculationRuns`.")
            .Argument<NonNullGraphType<StartWhatIfRunInputGraphType>>("input", "The draft version and the period.")
            .ResolveAsync(async c => await CompensationMutation.Run(c, WhatIfAsync, e => new CalculationRunPayload(null, [e])));
    }

    private static async Task<CalculationRunPayload> StartAsync(CompensationMutation m)
    {
        var (db, input, ct) = (m.Db, m.Input, m.Cancellation);
        var period = await PeriodAsync(m, "periodId");
        if (await CalculationRunExecutor.IsLockedAsync(db, period.Id, ct))
        {
            throw new DomainException("PERIOD_LOCKED", $"{period.Name} is locked (paid out); it is never calculated again. Later changes arrive as adjustments in the next open period.", input.Field("periodId"));
        }

        List<Guid>? scope = null;
        if (input.Has("participantIds"))
        {
            var ids = m.Context.GetArgument<Dictionary<string, object?>>("input")["participantIds"] as IEnumerable<object?> ?? [];
            scope = [];
            var i = 0;
            foreach (var raw in ids)
            {
                var field = $"{input.Field("participantIds")}.{i++}";
                var id = Relay.GlobalId.TryDecode(raw as string, ParticipantGraphType.TypeName)
                    ?? throw new DomainException("NOT_FOUND", $"'{raw}' is not the id of a Participant.", field);
                if (!await db.Participants.AnyAsync(p => p.Id == id, ct))
                {
                    throw new DomainException("NOT_FOUND", "No participant has this id.", field);
                }

                scope.Add(id);
            }

            if (scope.Count == 0)
            {
                throw new DomainException("REQUIRED", "List at least one participant, or omit participantIds for everyone.", input.Field("participantIds"));
            }
        }

        var run = CalculationRunExecutor.NewRun(m.Caller.RequireTenant(), period, CalculationRunKind.Regular, scope, null, m.Caller.Subject, m.Now);
        return await QueueAsync(m, run, "compRun.start");
    }

    private static async Task<CalculationRunPayload> WhatIfAsync(CompensationMutation m)
    {
        var (db, input, ct) = (m.Db, m.Input, m.Cancellation);
        var versionId = input.RequireId("versionId", CompPlanVersionGraphType.TypeName);
        var version = await db.CompPlanVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId, ct)
            ?? throw new DomainException("NOT_FOUND", "No plan version has this id.", input.Field("versionId"));
        if (version.Status != CompPlanVersionStatus.Draft)
        {
            throw new DomainException("COMP_PLAN_VERSION_PUBLISHED", "A what-if runs a DRAFT version; this one is published (run a regular calculation instead).", input.Field("versionId"));
        }

        var period = await PeriodAsync(m, "periodId");
        var onPlan = await db.CompPlanAssignments.AsNoTracking()
            .Where(a => a.PlanId == version.PlanId && a.EffectiveFrom <= period.EndDate && (a.EffectiveTo == null || a.EffectiveTo >= period.StartDate))
            .Select(a => a.ParticipantId).Distinct().ToListAsync(ct);
        if (onPlan.Count == 0)
        {
            throw new DomainException("COMP_WHAT_IF_EMPTY", $"Nobody is on this plan in {period.Name}: there is nothing to compare.", input.Field("periodId"));
        }

        var run = CalculationRunExecutor.NewRun(m.Caller.RequireTenant(), period, CalculationRunKind.WhatIf, onPlan, version.Id, m.Caller.Subject, m.Now);
        return await QueueAsync(m, run, "compRun.whatIf");
    }

    private static async Task<CalculationRunPayload> QueueAsync(CompensationMutation m, CalculationRun run, string action)
    {
        m.Db.CalculationRuns.Add(run);
        m.Audit.Record(m.Db, action, "CalculationRun", run.Id.ToString(), null, new { Period = run.PeriodId, run.Kind, Participants = run.Scope?.Count, run.WhatIfVersionId });
        await m.Db.SaveChangesAsync(m.Cancellation);
        // Only after the commit: the worker must find the row.
        m.Services.GetRequiredService<CalculationRunInbox>().Enqueue(run.TenantId, run.Id);
        return new CalculationRunPayload(run, []);
    }

    private static async Task<Period> PeriodAsync(CompensationMutation m, string name)
    {
        var id = m.Input.RequireId(name, PeriodGraphType.TypeName);
        return await m.Db.Periods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, m.Cancellation)
            ?? throw new DomainException("NOT_FOUND", "No period has this id.", m.Input.Field(name));
    }
}
