using GraphQL.Types;
using Spm.Api.Graph;
using Spm.Domain.Currency;

namespace Spm.Api.Features.Sales;

/// <summary>One quoted exchange rate.</summary>
public sealed class FxRateGraphType : ObjectGraphType<FxRate>
{
    public FxRateGraphType()
    {
        Name = "FxRate";
        Description = "One unit of `fromCurrency` buys `rate` units of `toCurrency`, from `effectiveFrom` until the next quote of the pair. Inverse and cross rates (through the reporting currency) are derived; a missing rate is an error, never zero.";
        Field<NonNullGraphType<StringGraphType>>("fromCurrency").Description("ISO 4217 code converted from.").Resolve(c => c.Source.FromCurrency);
        Field<NonNullGraphType<StringGraphType>>("toCurrency").Description("ISO 4217 code converted to.").Resolve(c => c.Source.ToCurrency);
        Field<NonNullGraphType<DecimalStringGraphType>>("rate").Description("Units of `toCurrency` per unit of `fromCurrency`.").Resolve(c => c.Source.Rate);
        Field<NonNullGraphType<CalendarDateGraphType>>("effectiveFrom").Description("First close date the rate applies to.").Resolve(c => c.Source.EffectiveFrom);
    }
}
