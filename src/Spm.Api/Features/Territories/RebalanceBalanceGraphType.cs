using GraphQL.Types;
using Spm.Api.Graph;
using Spm.Domain.Territories;

namespace Spm.Api.Features.Territories;

/// <summary>Before/after balance of one metric.</summary>
public sealed class RebalanceBalanceGraphType : ObjectGraphType<MetricBalance>
{
    public RebalanceBalanceGraphType()
    {
        Name = "RebalanceBalance";
        Description = "The balance index (coefficient of variation) of one metric across the siblings, before and after the proposal.";
        Field<NonNullGraphType<BalanceMetricGraphType>>("metric").Description("The metric.").Resolve(c => c.Source.Metric);
        Field<NonNullGraphType<DecimalStringGraphType>>("before").Description("Index now, rounded to 6 decimals.").Resolve(c => DecimalStringGraphType.Trim(Math.Round(c.Source.Before, 6)));
        Field<NonNullGraphType<DecimalStringGraphType>>("after").Description("Index if the proposal is applied, rounded to 6 decimals.").Resolve(c => DecimalStringGraphType.Trim(Math.Round(c.Source.After, 6)));
    }
}
