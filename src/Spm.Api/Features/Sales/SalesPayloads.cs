using GraphQL.Types;
using Spm.Api.Graph;
using Spm.Domain.Sales;

namespace Spm.Api.Features.Sales;

/// <summary>What one input row did.</summary>
public sealed record RecordedSale(int Index, SaleChangeOutcome Outcome, Guid SaleId);

/// <summary>Result of `recordSales` and `cancelSale`.</summary>
public sealed record RecordSalesPayload(IReadOnlyList<RecordedSale> Results, IReadOnlyList<UserError> Errors);

/// <summary>GraphQL shape of <see cref="RecordedSale"/>.</summary>
public sealed class RecordedSaleGraphType : ObjectGraphType<RecordedSale>
{
    public RecordedSaleGraphType()
    {
        Name = "RecordedSale";
        Description = "What one input row did to its sale.";
        Field<NonNullGraphType<IntGraphType>>("index").Description("Position of the row in the input list (0 for `cancelSale`).").Resolve(c => c.Source.Index);
        Field<NonNullGraphType<SaleChangeOutcomeGraphType>>("outcome").Description("Recorded, amended, cancelled or replayed.").Resolve(c => c.Source.Outcome);
        Field<SaleGraphType>("sale").Description("The sale as it stands now (for a replay, the existing sale).")
            .Resolve(c => c.RequestServices!.GetRequiredService<SalesDataLoaders>().SaleById.LoadAsync(c.Source.SaleId));
    }
}

/// <summary>GraphQL shape of <see cref="RecordSalesPayload"/>.</summary>
public sealed class RecordSalesPayloadGraphType : ObjectGraphType<RecordSalesPayload>
{
    public RecordSalesPayloadGraphType()
    {
        Name = "RecordSalesPayload";
        Description = "Result of `recordSales` or `cancelSale`.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecordedSaleGraphType>>>>("results").Description("One entry per input row, in input order; empty when `errors` is not.").Resolve(c => c.Source.Results);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors")
            .Description("Why nothing was written; `field` names the row and field, e.g. `[\"input\", \"sales\", \"3\", \"amount\"]`.").Resolve(c => c.Source.Errors);
    }
}
