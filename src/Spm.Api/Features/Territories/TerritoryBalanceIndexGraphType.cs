using GraphQL.Types;
using Spm.Api.Graph;
using Spm.Domain.Territories;

namespace Spm.Api.Features.Territories;

/// <summary>A balance index of one metric.</summary>
public sealed class TerritoryBalanceIndexGraphType : ObjectGraphType<(BalanceMetric Metric, decimal Index)>
{
    public TerritoryBalanceIndexGraphType()
    {
        Name = "TerritoryBalanceIndex";
        Description = "The coefficient of variation of one metric across siblings.";
        Field<NonNullGraphType<BalanceMetricGraphType>>("metric").Description("The metric.").Resolve(c => c.Source.Metric);
        Field<NonNullGraphType<DecimalStringGraphType>>("index").Description("Standard deviation / mean, rounded to 6 decimals; 0 is perfectly even.").Resolve(c => DecimalStringGraphType.Trim(Math.Round(c.Source.Index, 6)));
    }
}
