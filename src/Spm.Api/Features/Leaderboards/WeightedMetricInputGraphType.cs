using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Leaderboards;

/// <summary>Input of one weighted metric.</summary>
public sealed class WeightedMetricInputGraphType : InputObjectGraphType
{
    public WeightedMetricInputGraphType()
    {
        Name = "WeightedMetricInput";
        Description = "One metric of a leaderboard with its weight.";
        Field<NonNullGraphType<LeaderboardMetricGraphType>>("metric").Description("The metric.");
        Field<DecimalStringGraphType>("weight").Description("Points per unit, non-zero, at most two decimals (default 1).");
    }
}
