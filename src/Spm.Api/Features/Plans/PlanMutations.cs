using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Spm.Api.Auth;
using Spm.Api.Features.Audit;
using Spm.Api.Features.Quotas;
using Spm.Domain.Common;
using Spm.Domain.Organisation;
using Spm.Domain.Planning;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Plans;

/// <summary>Mutations over sales plans.</summary>
public static class PlanMutations
{
    /// <summary>Twelve equal months: 1/12 to six decimals sums to 0.999996, inside the seasonality tolerance.</summary>
    private static readonly decimal[] EqualMonths = [.. Enumerable.Repeat(0.083333m, 12)];

    private static readonly string[] AssumptionFields = ["productivityPerRampedRepPerMonth", "rampCurve", "annualAttritionRate", "hiringLeadTimeMonths"];

    public static void Register(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<SalesPlanPayloadGraphType>>("createSalesPlan")
            .Requires(Capability.WritePlanning)
            .Description("Creates the sales plan of a fiscal year (one per year) and computes its quarter and month targets.")
            .Argument<NonNullGraphType<CreateSalesPlanInputGraphType>>("input", "The plan.")
            .ResolveAsync(async c => await CreateAsync(c));
        mutation.Field<NonNullGraphType<SalesPlanPayloadGraphType>>("updateSalesPlan")
            .Requires(Capability.WritePlanning)
            .Description("Changes a sales plan's target, seasonality, assumptions, name or status and recomputes its period targets.")
            .Argument<NonNullGraphType<UpdateSalesPlanInputGraphType>>("input", "The changes.")
            .ResolveAsync(async c => await UpdateAsync(c));
    }

    /// <summary>The assumptions with whatever the input gives replacing <paramref name="current"/>.</summary>
    public static CapacityAssumptions MergeAssumptions(PlanningInput input, CapacityAssumptions current)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(current);
        var merged = new CapacityAssumptions(
            input.Number("productivityPerRampedRepPerMonth") ?? current.ProductivityPerRampedRepPerMonth,
            input.Numbers("rampCurve") ?? current.RampCurve,
            input.Number("annualAttritionRate") ?? current.AnnualAttritionRate,
            input.Whole("hiringLeadTimeMonths") ?? current.HiringLeadTimeMonths);
        try
        {
            merged.Validate();
        }
        catch (DomainException ex) when (ex.Field is not null)
        {
            throw new DomainException(ex.Code, ex.Message, input.Field(ex.Field));
        }

        return merged;
    }

    private static async Task<SalesPlanPayload> CreateAsync(IResolveFieldContext c)
    {
        var input = PlanningInput.From(c);
        var services = c.RequestServices!;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        try
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(c.CancellationToken);
            var fiscalYear = input.Whole("fiscalYear") ?? 0;
            if (await db.SalesPlans.AnyAsync(p => p.FiscalYear == fiscalYear, c.CancellationToken))
            {
                throw new DomainException("PLAN_DUPLICATE", $"Fiscal year {fiscalYear} already has a sales plan; change it with updateSalesPlan.", input.Field("fiscalYear"));
            }

            var tenant = await db.Tenants.SingleAsync(t => t.Id == db.CurrentTenantId, c.CancellationToken);
            var target = input.RequireNumber("revenueTarget");
            var productivity = input.RequireNumber("productivityPerRampedRepPerMonth");
            var assumptions = MergeAssumptions(input, new CapacityAssumptions(productivity, [], 0m, 0));
            var plan = new SalesPlan(
                Guid.CreateVersion7(now),
                tenant.Id,
                fiscalYear,
                input.Text("name") ?? $"FY{fiscalYear} sales plan",
                input.Text("currency") ?? tenant.ReportingCurrency,
                target,
                input.Numbers("seasonality") ?? EqualMonths,
                assumptions,
                now);
            if (input.Enum<SalesPlanStatus>("status") is { } status)
            {
                plan.Revise(null, null, null, null, status, now);
            }

            plan.SetTargets(await EnsurePeriodsAsync(db, tenant, fiscalYear, now, c.CancellationToken));
            db.SalesPlans.Add(plan);
            services.GetRequiredService<AuditTrail>().Record(db, "salesPlan.create", "SalesPlan", plan.Id.ToString(), null, Snapshot(plan));
            await db.SaveChangesAsync(c.CancellationToken);
            return new SalesPlanPayload(plan, []);
        }
        catch (DomainException ex)
        {
            return new SalesPlanPayload(null, [PlanningInput.ToUserError(ex)]);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Two creates raced past the check above; the unique index decided.
            return new SalesPlanPayload(null, [new Graph.UserError("PLAN_DUPLICATE", "This fiscal year already has a sales plan.", ["input", "fiscalYear"])]);
        }
    }

    private static async Task<SalesPlanPayload> UpdateAsync(IResolveFieldContext c)
    {
        var input = PlanningInput.From(c);
        var services = c.RequestServices!;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        try
        {
            var id = input.RequireId("id", SalesPlanGraphType.TypeName);
            await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(c.CancellationToken);
            var plan = await db.SalesPlans.SingleOrDefaultAsync(p => p.Id == id, c.CancellationToken)
                ?? throw new DomainException("NOT_FOUND", "No sales plan has this id.", input.Field("id"));
            var before = Snapshot(plan);
            var changesAssumptions = AssumptionFields.Any(input.Has);
            plan.Revise(
                input.Text("name"),
                input.Number("revenueTarget"),
                input.Numbers("seasonality"),
                changesAssumptions ? MergeAssumptions(input, plan.Assumptions) : null,
                input.Enum<SalesPlanStatus>("status"),
                now);
            plan.SetTargets(await db.Periods.Where(p => p.FiscalYear == plan.FiscalYear).ToListAsync(c.CancellationToken));
            services.GetRequiredService<AuditTrail>().Record(db, "salesPlan.update", "SalesPlan", plan.Id.ToString(), before, Snapshot(plan));
            await db.SaveChangesAsync(c.CancellationToken);
            return new SalesPlanPayload(plan, []);
        }
        catch (DomainException ex)
        {
            return new SalesPlanPayload(null, [PlanningInput.ToUserError(ex)]);
        }
    }

    /// <summary>The year's periods, generated from the tenant's calendar when the year has none yet.</summary>
    private static async Task<IReadOnlyList<Period>> EnsurePeriodsAsync(SpmDbContext db, Tenant tenant, int fiscalYear, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var periods = await db.Periods.Where(p => p.FiscalYear == fiscalYear).ToListAsync(cancellationToken);
        if (periods.Count > 0)
        {
            return periods;
        }

        var generated = Period.Generate(tenant.Id, tenant.Calendar, fiscalYear, () => Guid.CreateVersion7(now));
        db.Periods.AddRange(generated);
        return generated;
    }

    private static object Snapshot(SalesPlan plan) => new
    {
        plan.Id,
        plan.FiscalYear,
        plan.Name,
        plan.Currency,
        plan.RevenueTarget,
        Seasonality = plan.SeasonalityWeights,
        Status = plan.Status.ToString(),
        plan.ProductivityPerRampedRepPerMonth,
        plan.RampCurve,
        plan.AnnualAttritionRate,
        plan.HiringLeadTimeMonths,
    };
}
