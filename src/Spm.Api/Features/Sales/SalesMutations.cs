using GraphQL;
using GraphQL.Types;
using Spm.Api.Auth;
using Spm.Api.Graph;
using Spm.Domain.Common;
using Spm.Domain.Sales;
using Spm.Infrastructure.Sales;

namespace Spm.Api.Features.Sales;

/// <summary>`recordSales` and `cancelSale`: the live path of a closed deal.</summary>
public static class SalesMutations
{
    /// <summary>Most sales one `recordSales` call may carry; larger loads go to `POST /ingest/sales`.</summary>
    public const int MaxBatch = 1_000;

    public static void Register(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<RecordSalesPayloadGraphType>>("recordSales")
            .Requires(Capability.WriteSales)
            .Description($"Records up to {MaxBatch} sales and credits them in one transaction, with outbox events. Idempotent by (source, externalId): a replay changes nothing and returns the existing sale; changed content is an amendment that reverses the old credits. All or nothing: one refused row (named in `errors` by index and field) writes nothing.")
            .Argument<NonNullGraphType<RecordSalesInputGraphType>>("input", "The sales.")
            .ResolveAsync(async c => await RecordAsync(c));
        mutation.Field<NonNullGraphType<RecordSalesPayloadGraphType>>("cancelSale")
            .Requires(Capability.WriteSales)
            .Description("Cancels a sale: a cancellation revision and reversals of its standing credits (history is kept). Cancelling twice changes nothing the second time.")
            .Argument<NonNullGraphType<CancelSaleInputGraphType>>("input", "The sale's key.")
            .ResolveAsync(async c => await CancelAsync(c));
        RecreditMutation.Register(mutation);
    }

    private static async Task<RecordSalesPayload> RecordAsync(IResolveFieldContext context)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var rows = (input.GetValueOrDefault("sales") as IEnumerable<object?>)?.ToList() ?? [];
        if (rows.Count is 0 or > MaxBatch)
        {
            return new RecordSalesPayload([], [new UserError("VALIDATION", $"Send 1 to {MaxBatch} sales; {rows.Count} were sent. Larger loads go to POST /ingest/sales.", ["input", "sales"])]);
        }

        var tenantId = context.RequestServices!.GetRequiredService<Caller>().RequireTenant();
        var commands = new List<SaleCommand>(rows.Count);
        var errors = new List<UserError>();
        for (var i = 0; i < rows.Count; i++)
        {
            try
            {
                commands.Add(SaleInputParser.Parse(i, rows[i] as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>(), tenantId));
            }
            catch (DomainException ex)
            {
                errors.Add(SalesWriter.RowError("sales", new RowError(i, ex.Field ?? string.Empty, ex.Code, ex.Message)));
            }
        }

        if (errors.Count > 0)
        {
            return new RecordSalesPayload([], errors);
        }

        var (results, refused) = await context.RequestServices!.GetRequiredService<SalesWriter>().WriteAsync(commands, "sales", context.CancellationToken);
        return new RecordSalesPayload([.. results.OrderBy(r => r.Row).Select(r => new RecordedSale(r.Row, r.Outcome, r.SaleId))], refused);
    }

    private static async Task<RecordSalesPayload> CancelAsync(IResolveFieldContext context)
    {
        var input = context.GetArgument<Dictionary<string, object?>>("input");
        var tenantId = context.RequestServices!.GetRequiredService<Caller>().RequireTenant();
        SaleCommand command;
        try
        {
            command = SaleCommand.Cancel(0, new SaleKey(
                tenantId,
                Guard.NotBlank(input.GetValueOrDefault("source") as string, "source", Sale.MaxSourceLength),
                Guard.NotBlank(input.GetValueOrDefault("externalId") as string, "externalId", Sale.MaxExternalIdLength)));
        }
        catch (DomainException ex)
        {
            return new RecordSalesPayload([], [SalesWriter.RowError(string.Empty, new RowError(0, ex.Field ?? string.Empty, ex.Code, ex.Message))]);
        }

        var (results, refused) = await context.RequestServices!.GetRequiredService<SalesWriter>().WriteAsync([command], string.Empty, context.CancellationToken);
        return new RecordSalesPayload([.. results.Select(r => new RecordedSale(0, r.Outcome, r.SaleId))], refused);
    }
}
