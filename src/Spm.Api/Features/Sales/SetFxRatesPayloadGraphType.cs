using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Sales;

/// <summary>GraphQL shape of <see cref="SetFxRatesPayload"/>.</summary>
public sealed class SetFxRatesPayloadGraphType : ObjectGraphType<SetFxRatesPayload>
{
    public SetFxRatesPayloadGraphType()
    {
        Name = "SetFxRatesPayload";
        Description = "Result of `setFxRates`.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FxRateGraphType>>>>("rates").Description("The rates as stored, in input order; empty when `errors` is not.").Resolve(c => c.Source.Rates);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors").Description("Why nothing was written; `field` names the rate, e.g. `[\"input\", \"rates\", \"1\", \"rate\"]`.").Resolve(c => c.Source.Errors);
    }
}
