using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Contests;

/// <summary>The money a place pays, as input.</summary>
public sealed class ContestCashPrizeInputGraphType : InputObjectGraphType
{
    public ContestCashPrizeInputGraphType()
    {
        Name = "ContestCashPrizeInput";
        Description = "Money paid to the winner of a place when the contest ends, as an AWARD line on their statement for the month the contest ended in.";
        Field<NonNullGraphType<IntGraphType>>("place").Description("The place, 1 to 20 (head to head: 1, paid to each pair's winner).");
        Field<NonNullGraphType<DecimalStringGraphType>>("amount").Description("Positive amount, at most the currency's minor units.");
        Field<NonNullGraphType<StringGraphType>>("currency").Description("ISO 4217 code of the amount.");
    }
}
