using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Plans;

/// <summary>GraphQL shape of <see cref="SalesPlanPayload"/>.</summary>
public sealed class SalesPlanPayloadGraphType : ObjectGraphType<SalesPlanPayload>
{
    public SalesPlanPayloadGraphType()
    {
        Name = "SalesPlanPayload";
        Description = "The plan as saved, or the errors that stopped the change (then nothing was written).";
        Field<SalesPlanGraphType>("salesPlan").Description("The plan after the change; null when there are errors.").Resolve(c => c.Source.SalesPlan);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("errors").Description("Why the input was refused; empty on success.").Resolve(c => c.Source.Errors);
    }
}
