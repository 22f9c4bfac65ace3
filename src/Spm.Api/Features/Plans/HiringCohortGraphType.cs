using GraphQL.Types;
using Spm.Api.Graph;
using Spm.Domain.Planning;

namespace Spm.Api.Features.Plans;

/// <summary>GraphQL shape of <see cref="HiringCohort"/>.</summary>
public sealed class HiringCohortGraphType : ObjectGraphType<HiringCohort>
{
    public HiringCohortGraphType()
    {
        Name = "HiringCohort";
        Description = "New sellers the capacity model says to hire, starting together.";
        Field<NonNullGraphType<CalendarDateGraphType>>("startMonth").Description("Month of the hires' first day.").Resolve(c => c.Source.StartMonth);
        Field<NonNullGraphType<IntGraphType>>("hires").Description("How many to hire.").Resolve(c => c.Source.Hires);
        Field<NonNullGraphType<CalendarDateGraphType>>("latestRequisitionMonth").Description("The latest month to open the requisitions, given the hiring lead time.").Resolve(c => c.Source.LatestRequisitionMonth);
        Field<NonNullGraphType<CalendarDateGraphType>>("fullyRampedMonth").Description("The first month the cohort is at 100 % productivity.").Resolve(c => c.Source.FullyRampedMonth);
        Field<NonNullGraphType<CalendarDateGraphType>>("neededForMonth").Description("The month whose shortfall made the cohort necessary.").Resolve(c => c.Source.NeededForMonth);
    }
}
