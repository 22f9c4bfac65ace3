using System.Globalization;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Spm.Api.Auth;
using Spm.Api.Features.Audit;
using Spm.Api.Graph;
using Spm.Domain.Common;
using Spm.Infrastructure.Crediting;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Features.Sales;

/// <summary>`recreditSales`: adjustment credits after rule, rate, organisation or territory changes.</summary>
public static class RecreditMutation
{
    /// <summary>Longest close-date range of one call: a year of sales is the largest re-crediting sales ops asks for.</summary>
    public const int MaxDays = 366;

    public static void Register(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<RecreditSalesPayloadGraphType>>("recreditSales")
            .Requires(Capability.ManageCrediting)
            .Description("Re-runs crediting over the sales closed in a date range with today's rules, rates, organisation and territories, and writes the difference as ADJUSTMENT credits: stored credits are never rewritten, and an adjustment whose close date lies in a locked period posts on the open posting date instead. Running it again writes nothing. One transaction with `credits.changed` and `attainment.changed` events; audited.")
            .Argument<NonNullGraphType<RecreditSalesInputGraphType>>("input", "The close-date range and whether to write.")
            .ResolveAsync(async c => await RunAsync(c));
    }

    private static async Task<RecreditSalesPayload> RunAsync(IResolveFieldContext context)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var from = input.GetValueOrDefault("closedFrom") as DateOnly? ?? default;
        var to = input.GetValueOrDefault("closedTo") as DateOnly? ?? default;
        var dryRun = input.GetValueOrDefault("dryRun") as bool? ?? false;
        if (to < from)
        {
            return new RecreditSalesPayload(0, 0, dryRun, [], [new UserError("VALIDATION", string.Create(CultureInfo.InvariantCulture, $"closedTo {to:yyyy-MM-dd} is before closedFrom {from:yyyy-MM-dd}."), ["input", "closedTo"])]);
        }

        if (to.DayNumber - from.DayNumber >= MaxDays)
        {
            return new RecreditSalesPayload(0, 0, dryRun, [], [new UserError("VALIDATION", $"Re-credit at most {MaxDays} days per call; split the range.", ["input", "closedTo"])]);
        }

        var services = context.RequestServices!;
        var tenantId = services.GetRequiredService<Caller>().RequireTenant();
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        await using var db = await services.GetRequiredService<IDbContextFactory<SpmDbContext>>().CreateDbContextAsync(context.CancellationToken);
        await db.Database.OpenConnectionAsync(context.CancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var npgsqlTransaction = (NpgsqlTransaction)transaction.GetDbTransaction();
        Recrediting.Result result;
        try
        {
            var setup = await services.GetRequiredService<CreditingSetupCache>().GetAsync(connection, npgsqlTransaction, tenantId, services.GetRequiredService<ITerritoryOwnershipSource>(), DateOnly.FromDateTime(now.UtcDateTime), context.CancellationToken);
            result = await Recrediting.RunAsync(connection, npgsqlTransaction, setup, from, to, dryRun, now, context.CancellationToken);
        }
        catch (DomainException ex)
        {
            await transaction.RollbackAsync(context.CancellationToken);
            return new RecreditSalesPayload(0, 0, dryRun, [], [new UserError(ex.Code, ex.Message, ["input", .. SalesWriter.FieldPath(ex.Field)])]);
        }

        if (dryRun || result.Adjustments.Count == 0)
        {
            await transaction.RollbackAsync(context.CancellationToken);
            return new RecreditSalesPayload(result.SalesExamined, result.SalesAdjusted, dryRun, result.Adjustments, []);
        }

        services.GetRequiredService<AuditTrail>().Record(db, "sales.recredit", "Sales", string.Create(CultureInfo.InvariantCulture, $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd}"), null, new
        {
            result.SalesExamined,
            result.SalesAdjusted,
            Adjustments = result.Adjustments.Select(a => new { a.SaleId, a.ParticipantId, a.AdjustedType, a.ReportingAmount, a.PostingDate }),
        });
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return new RecreditSalesPayload(result.SalesExamined, result.SalesAdjusted, false, result.Adjustments, []);
    }
}
