using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Relay;
using Spm.Api.Graph;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Compensation;

/// <summary>
/// `node(id:)` for compensation objects, with the rules of their queries: plans, versions, assignments and runs need
/// ManageCompensation, payouts ManagePayouts, and a dispute ReadEarnings plus the earnings row rule (the rep, their
/// managers, finance, admin), so a rep resolving a colleague's dispute id gets null exactly as for an unknown id.
/// Statements have no global id (they are addressed by participant and period or run).
/// </summary>
public static class CompensationNodes
{
    public static void Register(NodeRegistry nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        nodes.Add(CompPlanGraphType.TypeName, Capability.ManageCompensation, (s, id) => Load(s, async db =>
        {
            var plan = await db.CompPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id);
            return plan is null ? null : new CompPlanView(plan, await db.CompPlanVersions.AsNoTracking().Where(v => v.PlanId == id).OrderByDescending(v => v.Version).ToListAsync());
        }));
        nodes.Add(CompPlanVersionGraphType.TypeName, Capability.ManageCompensation, (s, id) => Load(s, db => db.CompPlanVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id)));
        nodes.Add(CompPlanAssignmentGraphType.TypeName, Capability.ManageCompensation, (s, id) => Load(s, db => db.CompPlanAssignments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id)));
        nodes.Add(CalculationRunGraphType.TypeName, Capability.ManageCompensation, (s, id) => Load(s, db => db.CalculationRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id)));
        nodes.Add(PayoutGraphType.TypeName, Capability.ManagePayouts, (s, id) => Load(s, async db =>
            await db.PayoutBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id) is { } batch ? await PayoutMutations.ViewAsync(db, batch, CancellationToken.None) : null));
        nodes.Add(DisputeGraphType.TypeName, Capability.ReadEarnings, (s, id) => Load(s, async db =>
        {
            var dispute = await db.Disputes.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id);
            return dispute is not null && await s.GetRequiredService<EarningsVisibility>().MayReadAsync(dispute.ParticipantId, CancellationToken.None) ? dispute : null;
        }));
    }

    // A context of its own per node: `nodes(ids:)` resolves several at once and resolvers run in parallel.
    private static TaskResult<T?> Load<T>(IServiceProvider services, Func<SpmDbContext, Task<T?>> load)
        where T : class =>
        new(LoadAsync(services, load));

    private static async Task<T?> LoadAsync<T>(IServiceProvider services, Func<SpmDbContext, Task<T?>> load)
        where T : class
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync();
        return await load(db);
    }
}
