using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Territories;

/// <summary>Input of proposeRebalance.</summary>
public sealed class ProposeRebalanceInputGraphType : InputObjectGraphType
{
    public ProposeRebalanceInputGraphType()
    {
        Name = "ProposeRebalanceInput";
        Description = "Which siblings to rebalance and how to trade balance against disruption.";
        Field<NonNullGraphType<IdGraphType>>("parentId").Description("The territory whose children (at least two) are rebalanced.");
        Field<CalendarDateGraphType>("asOf").Description("Whose membership to rebalance; today (UTC) when omitted.");
        Field<BooleanGraphType>("byPostalCode").Description("Move whole postal-code groups instead of single accounts (default false).");
        Field<DecimalStringGraphType>("potentialWeight").Description("Weight of potential balance (default 1).");
        Field<DecimalStringGraphType>("workloadWeight").Description("Weight of account-count balance (default 1).");
        Field<DecimalStringGraphType>("minimumGain").Description("A move must lower the objective (weighted sum of squared balance indexes) by more than this: the price of taking accounts from their owner (default 0.0001).");
        Field<IntGraphType>("maxMoves").Description("At most this many moves (default 1000).");
    }
}
