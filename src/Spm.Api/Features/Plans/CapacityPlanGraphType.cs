using GraphQL.Types;
using Spm.Api.Graph;

namespace Spm.Api.Features.Plans;

/// <summary>GraphQL shape of <see cref="CapacityResult"/>.</summary>
public sealed class CapacityPlanGraphType : ObjectGraphType<CapacityResult>
{
    public CapacityPlanGraphType()
    {
        Name = "CapacityPlan";
        Description = "How many sellers the plan needs month by month, against the current roster (quota-carrying reps and their hire dates), and the hires that close the gap.";
        Field<NonNullGraphType<SalesPlanGraphType>>("plan").Description("The plan modelled.").Resolve(c => c.Source.Plan);
        Field<NonNullGraphType<BooleanGraphType>>("isWhatIf").Description("True when some assumptions were varied for this answer and nothing was saved.").Resolve(c => c.Source.IsWhatIf);
        Field<NonNullGraphType<DecimalStringGraphType>>("revenueTarget").Description("The annual target modelled.").Resolve(c => decimal.Round(c.Source.RevenueTarget, 2));
        Field<NonNullGraphType<CapacityAssumptionsGraphType>>("assumptions").Description("The assumptions used.").Resolve(c => c.Source.Assumptions);
        Field<NonNullGraphType<IntGraphType>>("currentHeadcount").Description("Quota-carrying reps on the roster at the start of the plan (hired by then and not terminated).").Resolve(c => c.Source.CurrentHeadcount);
        Field<NonNullGraphType<IntGraphType>>("totalHires").Description("New hires the model plans over the year.").Resolve(c => c.Source.Model.TotalHires);
        Field<NonNullGraphType<IntGraphType>>("peakRequiredFte").Description("The largest number of ramped sellers any month needs.").Resolve(c => c.Source.Model.Periods.Max(p => p.RequiredFte));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CapacityMonthGraphType>>>>("months").Description("Month by month, fiscal month 1 first.")
            .Resolve(c => c.Source.Model.Periods.Select(p => new CapacityMonth(p, p.Index < c.Source.Months.Count ? c.Source.Months[p.Index] : null)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HiringCohortGraphType>>>>("cohorts").Description("The hiring plan: cohorts by start month.").Resolve(c => c.Source.Model.Cohorts);
    }
}
