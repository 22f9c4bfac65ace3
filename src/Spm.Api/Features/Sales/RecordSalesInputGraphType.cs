using GraphQL.Types;

namespace Spm.Api.Features.Sales;

/// <summary>Input of `recordSales`.</summary>
public sealed class RecordSalesInputGraphType : InputObjectGraphType
{
    public RecordSalesInputGraphType()
    {
        Name = "RecordSalesInput";
        Description = "A batch of sales.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SaleInputGraphType>>>>("sales").Description($"1 to {SalesMutations.MaxBatch} sales.");
    }
}
