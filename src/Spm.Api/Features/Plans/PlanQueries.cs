using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Quotas;
using Spm.Api.Features.Relay;
using Spm.Domain.Common;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Plans;

/// <summary>Root fields over sales plans and capacity.</summary>
public static class PlanQueries
{
    public static void Register(ObjectGraphType query, NodeRegistry nodes)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(nodes);
        nodes.Add(SalesPlanGraphType.TypeName, Capability.ReadPlanning, (s, id) => s.GetRequiredService<PlanDataLoaders>().SalesPlanById.LoadAsync(id));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SalesPlanGraphType>>>>("salesPlans")
            .Requires(Capability.ReadPlanning)
            .Description("Every sales plan of the tenant, latest fiscal year first.")
            .ResolveAsync(async c =>
            {
                await using var db = await Contexts(c).CreateDbContextAsync(c.CancellationToken);
                return await db.SalesPlans.AsNoTracking().OrderByDescending(p => p.FiscalYear).ToListAsync(c.CancellationToken);
            });

        query.Field<SalesPlanGraphType>("salesPlan")
            .Requires(Capability.ReadPlanning)
            .Description("The sales plan of one fiscal year, with its period targets; null when there is none.")
            .Argument<NonNullGraphType<IntGraphType>>("fiscalYear", "Fiscal year (named after the calendar year in which it ends).")
            .ResolveAsync(async c =>
            {
                var year = c.GetArgument<int>("fiscalYear");
                await using var db = await Contexts(c).CreateDbContextAsync(c.CancellationToken);
                return await db.SalesPlans.AsNoTracking().SingleOrDefaultAsync(p => p.FiscalYear == year, c.CancellationToken);
            });

        query.Field<CapacityPlanGraphType>("capacity")
            .Requires(Capability.ReadPlanning)
            .Description("The plan's capacity model with its stored assumptions: sellers needed per month, the gap to the current roster, and the hires that close it. Null when the plan does not exist.")
            .Argument<NonNullGraphType<IdGraphType>>("planId", "Global id of the sales plan.")
            .ResolveAsync(async c =>
            {
                if (GlobalId.TryDecode(c.GetArgument<string>("planId"), SalesPlanGraphType.TypeName) is not { } id)
                {
                    return null;
                }

                await using var db = await Contexts(c).CreateDbContextAsync(c.CancellationToken);
                var plan = await db.SalesPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, c.CancellationToken);
                return plan is null ? null : await RunAsync(async () => await PlanCapacity.RunAsync(db, plan, null, null, null, c.CancellationToken));
            });

        query.Field<CapacityPlanGraphType>("capacityWhatIf")
            .Requires(Capability.ReadPlanning)
            .Description("The capacity model with some assumptions varied; nothing is saved. Null when the plan does not exist; invalid assumptions are errors naming the input field.")
            .Argument<NonNullGraphType<CapacityWhatIfInputGraphType>>("input", "The plan and the assumptions to vary.")
            .ResolveAsync(async c =>
            {
                var input = PlanningInput.From(c);
                return await RunAsync(async () =>
                {
                    var id = input.RequireId("planId", SalesPlanGraphType.TypeName);
                    await using var db = await Contexts(c).CreateDbContextAsync(c.CancellationToken);
                    var plan = await db.SalesPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, c.CancellationToken);
                    if (plan is null)
                    {
                        return null;
                    }

                    var assumptions = PlanMutations.MergeAssumptions(input, plan.Assumptions);
                    return await PlanCapacity.RunAsync(db, plan, assumptions, input.Number("revenueTarget"), input.Numbers("seasonality"), c.CancellationToken);
                });
            });
    }

    /// <summary>Queries have no payload: a refused what-if is a GraphQL error with the code and the input path.</summary>
    private static async Task<CapacityResult?> RunAsync(Func<Task<CapacityResult?>> run)
    {
        try
        {
            return await run();
        }
        catch (DomainException ex)
        {
            var error = PlanningInput.ToUserError(ex);
            throw new ExecutionError(error.Field.Count > 0 ? $"{string.Join('.', error.Field)}: {ex.Message}" : ex.Message)
            {
                Code = ex.Code,
                Extensions = new Dictionary<string, object?> { ["field"] = error.Field },
            };
        }
    }

    private static IDbContextFactory<SpmDbContext> Contexts(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<IDbContextFactory<SpmDbContext>>();
}
