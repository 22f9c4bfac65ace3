using GraphQL.Types;
using Spm.Api.Graph;
using Spm.Infrastructure.Live.Leaderboards;

namespace Spm.Api.Features.Leaderboards;

/// <summary>GraphQL shape of <see cref="WeightedMetric"/>.</summary>
public sealed class WeightedMetricGraphType : ObjectGraphType<WeightedMetric>
{
    public WeightedMetricGraphType()
    {
        Name = "WeightedMetric";
        Description = "One metric of a leaderboard and the points each unit of it is worth.";
        Field<NonNullGraphType<LeaderboardMetricGraphType>>("metric").Description("The metric.").Resolve(c => c.Source.Metric);
        Field<NonNullGraphType<DecimalStringGraphType>>("weight").Description("Points per unit (1 for a single-metric board).").Resolve(c => c.Source.Weight);
    }
}
