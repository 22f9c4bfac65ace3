using GraphQL.Types;
using Spm.Api.Graph;
using Spm.Domain.Territories;

namespace Spm.Api.Features.Territories;

/// <summary>Balance metrics of one territory.</summary>
public sealed class TerritoryMetricsGraphType : ObjectGraphType<TerritoryLoad>
{
    public TerritoryMetricsGraphType()
    {
        Name = "TerritoryMetrics";
        Description = "What a territory weighs: opportunity, workload and history of its accounts, descendants included.";
        Field<NonNullGraphType<IntGraphType>>("accountCount").Description("Number of accounts.").Resolve(c => c.Source.AccountCount);
        Field<NonNullGraphType<DecimalStringGraphType>>("potential").Description("Sum of the accounts' potential.").Resolve(c => c.Source.Potential);
        Field<NonNullGraphType<DecimalStringGraphType>>("openPipeline").Description("Open pipeline of the accounts: opportunities neither won nor lost, converted to reporting currency on the date.").Resolve(c => c.Source.OpenPipeline);
        Field<NonNullGraphType<DecimalStringGraphType>>("lastYearRevenue").Description("Last year's revenue: sales of the accounts (not cancelled) closed in the twelve months before the date, in reporting currency.").Resolve(c => c.Source.LastYearRevenue);
    }
}
