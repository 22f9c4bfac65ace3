using GraphQL.Types;
using Spm.Api.Features.Sales;
using Spm.Domain.Contests;

namespace Spm.Api.Features.Contests;

/// <summary>GraphQL shape of <see cref="ContestCashPrize"/>.</summary>
public sealed class ContestCashPrizeGraphType : ObjectGraphType<ContestCashPrize>
{
    public ContestCashPrizeGraphType()
    {
        Name = "ContestCashPrize";
        Description = "The money a place pays. When the contest ends each winner is awarded it as an AWARD line on their statement; tied contestants occupy as many places as there are of them and split the cash of those places equally (left-over minor units to the first listed).";
        Field<NonNullGraphType<IntGraphType>>("place").Description("The place, from 1.").Resolve(c => c.Source.Place);
        Field<NonNullGraphType<MoneyGraphType>>("amount").Description("What the place pays.").Resolve(c => new MoneyValue(c.Source.Amount, c.Source.Currency));
    }
}
