using GraphQL.Types;

namespace Spm.Api.Features.Sales;

/// <summary>Input of `setFxRates`.</summary>
public sealed class SetFxRatesInputGraphType : InputObjectGraphType
{
    public SetFxRatesInputGraphType()
    {
        Name = "SetFxRatesInput";
        Description = "Exchange rates to add or replace.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FxRateInputGraphType>>>>("rates").Description("1 to 1,000 quotes.");
    }
}
