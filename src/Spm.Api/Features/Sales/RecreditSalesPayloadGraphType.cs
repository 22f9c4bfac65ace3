using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Sales;

/// <summary>GraphQL shape of <see cref="RecreditSalesPayload"/>.</summary>
public sealed class RecreditSalesPayloadGraphType : ObjectGraphType<RecreditSalesPayload>
{
    public RecreditSalesPayloadGraphType()
    {
        Name = "RecreditSalesPayload";
        Description = "Result of `recreditSales`.";
        Field<NonNullGraphType<IntGraphType>>("salesExamined").Description("Sales closed in the range (cancelled ones included: what still stands for them is adjusted to zero).").Resolve(c => c.Source.SalesExamined);
        Field<NonNullGraphType<IntGraphType>>("salesAdjusted").Description("Sales that received at least one adjustment credit.").Resolve(c => c.Source.SalesAdjusted);
        Field<NonNullGraphType<BooleanGraphType>>("dryRun").Description("True when nothing was written.").Resolve(c => c.Source.DryRun);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CreditGraphType>>>>("adjustments")
            .Description("The adjustment credits written (or, in a dry run, that would be): type ADJUSTMENT, `adjustedType` the credit type they correct, amounts the delta. Empty when the stored credits already match.")
            .Resolve(c => c.Source.Adjustments);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors").Description("Why nothing was written, e.g. a missing exchange rate; `field` names the input field.").Resolve(c => c.Source.Errors);
    }
}
