using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Sales;

/// <summary>One rate to set.</summary>
public sealed class FxRateInputGraphType : InputObjectGraphType
{
    public FxRateInputGraphType()
    {
        Name = "FxRateInput";
        Description = "A quote to add, or to replace when the pair already has one on that date.";
        Field<NonNullGraphType<StringGraphType>>("fromCurrency").Description("ISO 4217 code converted from.");
        Field<NonNullGraphType<StringGraphType>>("toCurrency").Description("ISO 4217 code converted to.");
        Field<NonNullGraphType<DecimalStringGraphType>>("rate").Description("Units of `toCurrency` per unit of `fromCurrency`, positive.");
        Field<NonNullGraphType<CalendarDateGraphType>>("effectiveFrom").Description("First close date the rate applies to.");
    }
}
