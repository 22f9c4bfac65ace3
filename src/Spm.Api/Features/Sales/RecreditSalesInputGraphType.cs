using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Sales;

/// <summary>Input of `recreditSales`.</summary>
public sealed class RecreditSalesInputGraphType : InputObjectGraphType
{
    public RecreditSalesInputGraphType()
    {
        Name = "RecreditSalesInput";
        Description = "Which sales to re-credit with today's rules, rates, organisation and territories.";
        Field<NonNullGraphType<CalendarDateGraphType>>("closedFrom").Description("First close date of the sales to re-credit.");
        Field<NonNullGraphType<CalendarDateGraphType>>("closedTo").Description("Last close date (inclusive); at most 366 days after `closedFrom`.");
        Field<BooleanGraphType>("dryRun").Description("True: compute and return the adjustments without writing anything. Default false.");
    }
}
