using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Sales;

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
