using GraphQL.Types;

namespace Spm.Api.Features.Sales;

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
