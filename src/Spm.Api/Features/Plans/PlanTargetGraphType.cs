using GraphQL.Types;
using Spm.Api.Features.Organisation;
using Spm.Api.Graph;
using Spm.Domain.Planning;

namespace Spm.Api.Features.Plans;

/// <summary>A plan's target for one period.</summary>
public sealed class PlanTargetGraphType : ObjectGraphType<SalesPlanTarget>
{
    public PlanTargetGraphType()
    {
        Name = "PlanTarget";
        Description = "The plan's revenue target for one period: the year, a quarter or a month. Months sum exactly to their quarter and quarters to the year.";
        Field<NonNullGraphType<PeriodGraphType>>("period").Description("The fiscal period.")
            .Resolve(c => c.RequestServices!.GetRequiredService<OrganisationDataLoaders>().PeriodById.LoadAsync(c.Source.PeriodId));
        Field<NonNullGraphType<PeriodKindGraphType>>("kind").Description("Year, quarter or month.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<IntGraphType>>("number").Description("Quarter 1-4 or month 1-12 of the fiscal year (1 for the year).").Resolve(c => c.Source.Number);
        Field<NonNullGraphType<DecimalStringGraphType>>("amount").Description("Target in the plan currency.").Resolve(c => decimal.Round(c.Source.Amount, 2));
    }
}
